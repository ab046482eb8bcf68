import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    // API tests boot the real AppModule, which lives inside apps/api (STYLE.md): they import the
    // app by path on purpose. Nothing else may.
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
