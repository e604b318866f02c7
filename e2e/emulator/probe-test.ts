/**
 * The emulator's own browser tests run against the probe app (probe-server.ts) on an in-process
 * portal (test-portal.ts): one of each per worker, the portal as `baseURL`.
 */
import { test as base } from '@playwright/test';
import { startProbeServer, type ProbeServer } from './probe-server';
import { startTestPortal, type TestPortal } from './test-portal';

/** `test` with the worker's probe app (`probeApp`) and the portal that hosts it (`portal`). */
export const probeTest = base.extend<object, { probeApp: ProbeServer; portal: TestPortal }>({
  probeApp: [
    async ({}, use) => {
      const server = await startProbeServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  portal: [
    async ({ probeApp }, use) => {
      const portal = await startTestPortal({ appUrl: `${probeApp.origin}/` });
      await use(portal);
      await portal.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ portal }, use) => {
    await use(portal.origin);
  },
});
