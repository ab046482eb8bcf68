export * from './lib/admin-api';
export * from './lib/user-admin-store';
export * from './lib/directory-store';
export * from './lib/gate-criteria-store';
export * from './lib/testing-records';
