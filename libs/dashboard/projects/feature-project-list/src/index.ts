export * from './lib/project-list/project-list';
