export * from './lib/organisation-detail/organisation-detail';
