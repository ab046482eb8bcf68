export * from './lib/stage-badge/stage-badge';
export * from './lib/health-badge/health-badge';
export * from './lib/french-paginator/french-paginator-intl';
export * from './lib/confirm-dialog/confirm-dialog';
export * from './lib/department-name/department-name-pipe';
export * from './lib/download-link/download-link';
