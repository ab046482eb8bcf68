export * from './lib/milestones-api';
export * from './lib/milestone-list-query';
export * from './lib/milestone-list-store';
