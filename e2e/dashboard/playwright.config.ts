import { defineConfig, devices } from '@playwright/test';
import { join } from 'node:path';

// Paths below are resolved from the repository root, where `npm run e2e` runs.
const root = join(__dirname, '..', '..');

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = process.env['E2E_PORT'] ?? '4310';
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './tests',
  outputDir: join(root, 'test-results', 'dashboard'),
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node dist/apps/api/main.js',
    cwd: root,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT,
      SILLON_DATA_DIR: 'tmp/e2e-data',
      SILLON_DEMO: 'true',
      NODE_ENV: 'development',
      // Plain http: cookies without the Secure flag (on by default).
      COOKIE_SECURE: 'false',
      // Request logs would drown the test report.
      LOG_LEVEL: 'warn',
    },
  },
});
