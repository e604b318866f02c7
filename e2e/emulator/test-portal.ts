/** Starts an in-process emulator for the emulator's own browser test, on a free port, pointed at the probe app. */
import { startPortal } from '../../portal/server';

export interface TestPortal {
  origin: string;
  expireTokens(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestPortal(options: { appUrl: string; fresh?: boolean }): Promise<TestPortal> {
  // No rate limit: the test measures the protocol, not the leaky bucket.
  const portal = await startPortal({
    port: 0,
    appUrl: options.appUrl,
    fresh: options.fresh ?? false,
    rateLimit: null,
    latencyMs: 0,
    cost: 'instant',
  });
  return {
    origin: portal.origin,
    async expireTokens() {
      const response = await fetch(`${portal.origin}/_emulator/expire-tokens`, { method: 'POST' });
      if (!response.ok) throw new Error(`expire-tokens answered ${response.status}`);
    },
    close: () => portal.close(),
  };
}
