export * from './lib/activities-api';
export * from './lib/activity-list-query';
export * from './lib/activity-list-store';
