export * from './lib/project-card/project-card';
