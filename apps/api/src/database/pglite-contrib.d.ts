// PGlite's contrib entry points publish ESM-first types that node10 resolution cannot see.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  export const pg_trgm: import('@electric-sql/pglite').Extension;
}
declare module '@electric-sql/pglite/contrib/unaccent' {
  export const unaccent: import('@electric-sql/pglite').Extension;
}
declare module '@electric-sql/pglite/contrib/pgcrypto' {
  export const pgcrypto: import('@electric-sql/pglite').Extension;
}
