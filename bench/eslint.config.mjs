import baseConfig from '../eslint.config.mjs';

const RULE = '@nx/enforce-module-boundaries';
const [level, options] = baseConfig.find((config) => config.rules?.[RULE]).rules[RULE];

// The benchmark measures the API's own statements: it builds the services of the measured reads
// (with the policies and helpers they take) and starts the app's embedded database, by path on
// purpose. These files, and nothing else of the API, may be imported; anything else fails lint.
const API_FILES = [
  'common/paris-today',
  'database/database-options',
  'database/database-session',
  'database/embedded-postgres',
  'database/prepared-statements',
  'modules/access/principal',
  'modules/access/project-access.policy',
  'modules/audit/audit.service',
  'modules/demo/prng',
  'modules/milestones/milestones.service',
  'modules/pipeline/pipeline-scope',
  'modules/pipeline/pipeline-summary.service',
  'modules/projects/projects.service',
  'modules/reports/report-access.policy',
  'modules/reports/reports.service',
];

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      [RULE]: [level, { ...options, allow: [...options.allow, ...API_FILES.map((file) => `^(\\.\\./)+apps/api/src/${file.replaceAll('.', '\\.')}$`)] }],
    },
  },
];
