import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    // Like the API tests, the benchmark drives the built API from outside and mirrors its SQL:
    // it reads the app's embedded-database starter by path on purpose.
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
