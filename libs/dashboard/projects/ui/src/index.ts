export * from './lib/stage-badge/stage-badge';
export * from './lib/health-badge/health-badge';
