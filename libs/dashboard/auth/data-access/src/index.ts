export * from './lib/auth-api';
export * from './lib/session-store';
export * from './lib/auth-guards';
export * from './lib/auth-interceptor';
export * from './lib/sign-in-route';
