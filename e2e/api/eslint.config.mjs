import baseConfig from '../../eslint.config.mjs';

const RULE = '@nx/enforce-module-boundaries';
const [level, options] = baseConfig.find((config) => config.rules?.[RULE]).rules[RULE];

// API tests boot the real AppModule, which lives inside apps/api (STYLE.md), and drive a few of its
// parts directly (the database session, the clock, the commands): they import these files by path
// on purpose. Nothing else of the API may be imported; anything else fails lint.
const API_FILES = [
  'app.module',
  'common/database-errors',
  'config/app-config',
  'configure-app',
  'database/database-options',
  'database/database-session',
  'database/embedded-postgres',
  'database/prepared-statements',
  'modules/access/project-access.policy',
  'modules/auth/clock',
  'modules/auth/password.service',
  'modules/auth/user-rate-limits',
  'modules/commons/open-data-throttle.guard',
  'modules/demo/demo-catalogue',
  'modules/demo/demo-seeder',
  'modules/housekeeping/expired-records-purge',
  'modules/users/create-admin.command',
];

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      [RULE]: [
        level,
        {
          ...options,
          allow: [
            ...options.allow,
            ...API_FILES.map((file) => `^(\\.\\./)+apps/api/src/${file.replaceAll('.', '\\.')}$`),
            // The version /api/health reports.
            '^(\\.\\./)+package\\.json$',
          ],
        },
      ],
    },
  },
];
