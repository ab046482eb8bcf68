export * from './lib/activity-list/activity-list';
