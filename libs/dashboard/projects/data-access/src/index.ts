export * from './lib/idempotency-key';
export * from './lib/projects-api';
export * from './lib/project-list-query';
export * from './lib/project-list-store';
export * from './lib/project-detail-store';
export * from './lib/testing-records';
