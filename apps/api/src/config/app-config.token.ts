// Injection tokens for what main.ts (or a test) resolved before the application started.
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');
