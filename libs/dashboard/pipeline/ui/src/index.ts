export * from './lib/move-menu/move-menu';
export * from './lib/project-card/project-card';
