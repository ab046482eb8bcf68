export * from './lib/format-fr';
export * from './lib/siret';
export * from './lib/departments';
