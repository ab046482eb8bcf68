export * from './lib/reports-api';
export * from './lib/reports-store';
export * from './lib/report-query-url';
