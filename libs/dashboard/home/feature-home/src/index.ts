export * from './lib/home/home';
