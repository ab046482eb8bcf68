export * from './lib/showcase/showcase';
