/**
 * What every benchmark runs on: a production build of the app served by vite preview, the
 * portal emulator in this process, and the system Chromium. Timings come from the browser's
 * own performance marks; round trips and bytes from the emulator's request log.
 */
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { startPortal, type RunningPortal } from '../../portal/server';
import { EmulatorControl, type RequestLogEntry } from '../../portal/control-client';

export const ROOT = resolve(import.meta.dirname, '../..');
// Inside a folder git already ignores.
export const BUILD_DIR = resolve(ROOT, '.e2e-dist/bench-build');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
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

/**
 * The portal's costs for a benchmark run: `cloud` (the default, as `npm run bench` runs) or
 * `instant` (for contrast), and the time scale K (portal work K times faster; figures read from
 * the portal's answers are portal seconds, machine durations × K are too). Environment variables
 * BENCH_COST=cloud|instant and BENCH_TIME_SCALE=K override what a benchmark asks for.
 */
export interface BenchCosts {
  cost: 'cloud' | 'instant';
  timeScale: number;
}

/** What a benchmark asked for, overridden by BENCH_COST / BENCH_TIME_SCALE when set. */
export function benchCosts(requested: Partial<BenchCosts> = {}): BenchCosts {
  const fromEnvironment = process.env.BENCH_COST;
  const cost =
    fromEnvironment === 'instant' || fromEnvironment === 'cloud' ? fromEnvironment : (requested.cost ?? 'cloud');
  const scale = Number(process.env.BENCH_TIME_SCALE ?? requested.timeScale ?? 1);
  return { cost, timeScale: Number.isFinite(scale) && scale > 0 ? scale : 1 };
}

export interface BenchEnvironment {
  portal: RunningPortal;
  control: EmulatorControl;
  appUrl: string;
  browser: Browser;
  /** The costs this environment's portal runs with (a control reset keeps them). */
  costs: BenchCosts;
  /** Portal seconds that `machineMs` of wall time amount to under this environment's time scale. */
  portalSeconds(machineMs: number): number;
  /**
   * Runs `work` with the portal's costs off (setting up data a benchmark does not measure, such
   * as filling a stage) and puts this environment's costs back after it.
   */
  withoutCosts<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function startEnvironment(
  options: { latencyMs: number } & Partial<BenchCosts>,
): Promise<BenchEnvironment> {
  const costs = benchCosts(options);
  await buildApp();
  const appPort = await freePort();
  const app: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: BUILD_DIR },
    preview: { host: '127.0.0.1', port: appPort, strictPort: true },
  });
  const appUrl = `http://127.0.0.1:${appPort}/`;
  // No rate limit: the benchmark measures the app, not the leaky bucket.
  const portal = await startPortal({
    port: 0,
    appUrl,
    rateLimit: null,
    latencyMs: options.latencyMs,
    cost: costs.cost,
    timeScale: costs.timeScale,
  });
  const control = new EmulatorControl(portal.origin);
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    portal,
    control,
    appUrl,
    browser,
    costs,
    portalSeconds: (machineMs) => (machineMs * costs.timeScale) / 1000,
    async withoutCosts(work) {
      await control.configure({ cost: 'instant' });
      try {
        return await work();
      } finally {
        await control.configure({ cost: costs.cost });
      }
    },
    async close() {
      await browser.close();
      await portal.close();
      await app.close();
    },
  };
}

/**
 * Runs `measure` once per portal latency, each time in a fresh environment that is always closed
 * after; the portal runs the `cloud` costs at scale 1 unless `costs` (or BENCH_COST /
 * BENCH_TIME_SCALE) say otherwise.
 */
export async function atLatencies(
  latencies: readonly number[],
  measure: (environment: BenchEnvironment, latencyMs: number) => Promise<BenchResult[]>,
  costs: Partial<BenchCosts> = {},
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const latencyMs of latencies) {
    const environment = await startEnvironment({ latencyMs, ...costs });
    try {
      results.push(...(await measure(environment, latencyMs)));
    } finally {
      await environment.close();
    }
  }
  return results;
}

/** One run in a fresh browser context (closed after), on the portal's seeded state unless told otherwise. */
export async function inFreshPage<T>(
  environment: BenchEnvironment,
  run: (page: Page) => Promise<T>,
  options: { reset?: boolean } = {},
): Promise<T> {
  if (options.reset !== false) await environment.control.reset();
  const context = await environment.browser.newContext({ baseURL: environment.portal.origin });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Runs `run` `count` times and gathers each figure it reports into one list per figure. */
export async function repeat<K extends string>(
  count: number,
  run: () => Promise<Record<K, number>>,
): Promise<Record<K, number[]>> {
  const figures = {} as Record<K, number[]>;
  for (let index = 0; index < count; index += 1) {
    for (const [name, value] of Object.entries(await run()) as Array<[K, number]>) (figures[name] ??= []).push(value);
  }
  return figures;
}

/** The detail tab of item 29 (Equipment Purchase): where the tab benchmarks open the app. */
export const DETAIL_TAB = 'CRM_DYNAMIC_177_DETAIL_TAB';
export const DETAIL_TAB_PATH = `/crm/type/177/details/29/?active_tab=${DETAIL_TAB}`;
export const DETAIL_TAB_FRAME = `[data-testid="app-tab-panel"][data-placement="${DETAIL_TAB}"] iframe[data-testid="app-frame"]`;

/** Round trips and bytes both ways of what the emulator logged. */
export function requestTotals(log: readonly RequestLogEntry[]): {
  roundTrips: number;
  bytesSent: number;
  bytesReceived: number;
} {
  return {
    roundTrips: log.length,
    bytesSent: log.reduce((sum, entry) => sum + entry.bytesIn, 0),
    bytesReceived: log.reduce((sum, entry) => sum + entry.bytesOut, 0),
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
