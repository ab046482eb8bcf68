export * from './lib/organisations-api';
export * from './lib/organisation-store';
export * from './lib/contacts-api';
export * from './lib/organisation-detail-store';
export * from './lib/organisation-list-query';
