export * from './lib/commons-api';
export * from './lib/project-commons-store';
