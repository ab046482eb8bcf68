export * from './lib/home-api';
export * from './lib/home-store';
