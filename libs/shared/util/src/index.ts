export * from './lib/format-fr';
