/**
 * What every benchmark runs on: a production build of the app served by vite preview, the
 * portal emulator in this process, and the system Chromium. Timings come from the browser's
 * own performance marks; round trips and bytes from the emulator's request log.
 */
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { startPortal, type RunningPortal } from '../../portal/server';
import { EmulatorControl } from '../../portal/control-client';

export const ROOT = resolve(import.meta.dirname, '../..');
// Inside a folder git already ignores.
export const BUILD_DIR = resolve(ROOT, '.e2e-dist/bench-build');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

let built = false;

/** One production build per benchmark run. */
export async function buildApp(): Promise<string> {
  if (!built) {
    // The manifest lets the bundle benchmark follow the chunk graph.
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: BUILD_DIR, emptyOutDir: true, manifest: true } });
    built = true;
  }
  return BUILD_DIR;
}

export interface BenchEnvironment {
  portal: RunningPortal;
  control: EmulatorControl;
  appUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startEnvironment(options: { latencyMs: number }): Promise<BenchEnvironment> {
  await buildApp();
  const appPort = await freePort();
  const app: PreviewServer = await preview({ root: ROOT, logLevel: 'warn', build: { outDir: BUILD_DIR }, preview: { host: '127.0.0.1', port: appPort, strictPort: true } });
  const appUrl = `http://127.0.0.1:${appPort}/`;
  // No rate limit: the benchmark measures the app, not the leaky bucket.
  const portal = await startPortal({ port: 0, appUrl, rateLimit: null, latencyMs: options.latencyMs });
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    portal,
    control: new EmulatorControl(portal.origin),
    appUrl,
    browser,
    async close() {
      await browser.close();
      await portal.close();
      await app.close();
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface BenchResult {
  /** What was measured, e.g. "detail tab, first render, latency 150 ms". */
  name: string;
  metrics: Record<string, number | string>;
}

export type Benchmark = () => Promise<BenchResult[]>;
