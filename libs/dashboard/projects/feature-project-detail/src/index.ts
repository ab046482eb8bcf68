export * from './lib/project-detail/project-detail';
