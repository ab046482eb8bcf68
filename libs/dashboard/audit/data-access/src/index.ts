export * from './lib/audit-api';
export * from './lib/journal-query';
export * from './lib/journal-store';
