export * from './lib/reports/reports';
