// End-to-end tests in Debian's Chromium at phone size, every spec twice: JavaScript on and off.
// The server is the binary named by PORTAL_BIN (scripts/e2e.sh sets it), on a fresh database.
import { defineConfig } from '@playwright/test';

const port = (process.env.PORTAL_BIND ?? '127.0.0.1:3100').split(':')[1];
const baseURL = `http://127.0.0.1:${port}`;
const label = process.env.E2E_LABEL ?? 'e2e';
// The identity provider staff sign in through (scripts/e2e.sh points the portal at it).
const oidcPort = process.env.OIDC_PORT ?? '3200';

export default defineConfig({
  testDir: './tests',
  outputDir: `test-results/${label}`,
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: `playwright-report/${label}`, open: 'never' }]],
  use: {
    baseURL,
    viewport: { width: 360, height: 740 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'js-on', use: { javaScriptEnabled: true } },
    { name: 'js-off', use: { javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: `node scripts/oidc-provider.mjs ${oidcPort}`,
      cwd: '..',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: process.env.PORTAL_BIN ?? '../target/debug/server',
      cwd: '..',
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
