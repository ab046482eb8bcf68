export * from './lib/problem';
export * from './lib/write-result';
export * from './lib/paged-list';
export * from './lib/place-field-errors';
export * from './lib/departments-field';
export * from './lib/audit-changes';
export * from './lib/url-params';
