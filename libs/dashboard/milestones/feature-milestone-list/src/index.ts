export * from './lib/milestone-list/milestone-list';
