export * from './lib/sign-in/sign-in';
