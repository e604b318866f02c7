import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Ports of the test portal and the app's preview server; kept apart from `npm start`'s.
// Override with E2E_PORTAL_PORT / E2E_APP_PORT to run two suites side by side.
export const E2E_PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 4310);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 5180);
export const E2E_PORTAL_URL = `http://127.0.0.1:${E2E_PORTAL_PORT}`;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}/`;

const systemChromium = '/usr/bin/chromium';
const appBuildDir = `.e2e-dist/${E2E_APP_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: E2E_PORTAL_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: [
    {
      // `instant` keeps the suite fast; a spec that needs a cloud portal's costs switches to them
      // through the control API (EmulatorControl.useCloudProfile({ timeScale })).
      command: `npx tsx portal/cli.ts --port ${E2E_PORTAL_PORT} --app-url ${E2E_APP_URL} --cost instant`,
      url: `${E2E_PORTAL_URL}/_emulator/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A production build, served by vite preview: what a real portal would load.
      command: `npx vite build --outDir ${appBuildDir} --emptyOutDir && npx vite preview --outDir ${appBuildDir} --host 127.0.0.1 --port ${E2E_APP_PORT} --strictPort`,
      url: `${E2E_APP_URL}index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
