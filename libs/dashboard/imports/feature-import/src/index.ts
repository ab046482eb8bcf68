export * from './lib/import-page/import-page';
