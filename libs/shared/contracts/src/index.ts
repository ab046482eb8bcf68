export * from './lib/stage';
export * from './lib/project-status';
export * from './lib/role';
export * from './lib/health';
export * from './lib/problem';
export * from './lib/page';
export * from './lib/auth';
