export * from './lib/format-fr';
export * from './lib/siret';
export * from './lib/departments';
export * from './lib/paris-date';
