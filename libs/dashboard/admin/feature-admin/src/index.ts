export * from './lib/administration/administration';
