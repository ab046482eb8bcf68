// API tests: the real AppModule against a real PostgreSQL (TEST_DATABASE_URL) or, when unset,
// one embedded PostgreSQL started for the whole run; each test file gets its own schema.
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', isolatedModules: true }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/e2e/api',
};
