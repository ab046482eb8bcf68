export * from './lib/organisation-list/organisation-list';
