export * from './lib/organisations-api';
export * from './lib/organisation-store';
