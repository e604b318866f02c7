/**
 * Starts an emulator for the emulator's own browser test, on a free port, pointed at the probe
 * app. (Development stand-in until portal/server.ts lands: host routes over fake data.)
 */
import { createFakeHostData } from '../../portal/host/testing/fake-host-data';
import { startHostServer } from '../../portal/host/testing/host-server';

export interface TestPortal {
  origin: string;
  expireTokens(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestPortal(options: { appUrl: string; fresh?: boolean }): Promise<TestPortal> {
  const data = createFakeHostData({ appUrl: options.appUrl, installed: !options.fresh });
  const server = await startHostServer(data, { restStub: true });
  return {
    origin: server.origin,
    async expireTokens() {
      const response = await fetch(`${server.origin}/_emulator/expire-tokens`, { method: 'POST' });
      if (!response.ok) throw new Error(`expire-tokens answered ${response.status}`);
    },
    close: () => server.close(),
  };
}
