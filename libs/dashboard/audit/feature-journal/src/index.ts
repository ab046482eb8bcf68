export * from './lib/journal/journal';
