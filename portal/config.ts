import { DEFAULT_PORTAL_TIME_ZONE } from './portal-time';

/** Settings of one running portal emulator, from CLI flags (portal/cli.ts) or tests. */
export interface PortalConfig {
  /** Port the portal listens on (0 = any free port, resolved after listen). */
  port: number;
  /** Interface to bind, 127.0.0.1 unless told otherwise. */
  hostname: string;
  /** Serve HTTPS with a self-signed certificate made at start. */
  https: boolean;
  /** Base URL of the app (its dev or preview server), e.g. http://127.0.0.1:5173/ */
  appUrl: string;
  /**
   * A static-app archive (`npm run package`) to install instead: the portal unpacks it and hosts
   * it on its own origin (portal/host/static-app.ts), and `appUrl` becomes that folder.
   */
  appArchive: string | null;
  /** Secret of the inbound webhook /rest/<userId>/<secret>/<method>. */
  webhookSecret: string;
  /** Added latency for every REST request, in milliseconds. */
  latencyMs: number;
  /** Start with the app not yet installed (no placements bound). */
  fresh: boolean;
  /** Keep state in this JSON file across restarts (written atomically). */
  dataFile: string | null;
  /** Lifetime of issued access tokens, seconds (AUTH_EXPIRES). */
  tokenTtlSeconds: number;
  /** Leaky bucket: requests drained per second, and burst size. null disables the limit. */
  rateLimit: { drainPerSecond: number; burst: number } | null;
  /** Portal (default) language: en, ru, de, ... */
  language: string;
  /**
   * What methods cost (portal/rest/cost-model.ts): `cloud` (the default, a cloud portal's
   * documented costs), `instant` (none, for fast tests) or a path to a JSON cost profile.
   */
  cost: string;
  /** K: portal work runs K times faster than real time (portal/rest/time-scale.ts). 1 = real time. */
  timeScale: number;
  /** Seconds the portal's clock is ahead of the machine's (negative: behind); portal/portal-time.ts. */
  clockOffsetSeconds: number;
  /** The portal server's IANA time zone (dates are printed in it). */
  timeZone: string;
  /**
   * Operating-time limit per method per app/webhook over ten one-minute baskets, portal seconds
   * (docs limits.md; cloud 480). null: no limiter (no `operating` keys, as a self-hosted portal).
   */
  operatingLimitSeconds: number | null;
  /** A request whose processing passes this many portal seconds is cut off (cloud: 60, limits.md). */
  requestTimeLimitSeconds: number;
}

export const defaultPortalConfig: PortalConfig = {
  port: 4300,
  hostname: '127.0.0.1',
  https: false,
  appUrl: 'http://127.0.0.1:5173/',
  appArchive: null,
  webhookSecret: 'demo-webhook-secret',
  latencyMs: 0,
  fresh: false,
  dataFile: null,
  tokenTtlSeconds: 3600,
  rateLimit: { drainPerSecond: 2, burst: 50 },
  language: 'en',
  cost: 'cloud',
  timeScale: 1,
  clockOffsetSeconds: 0,
  timeZone: DEFAULT_PORTAL_TIME_ZONE,
  operatingLimitSeconds: 480,
  requestTimeLimitSeconds: 60,
};

/**
 * Machine seconds an access token really lives: its lifetime in portal seconds shortened by the
 * time scale (`expires_in`/AUTH_EXPIRES still report `tokenTtlSeconds`).
 */
export function tokenLifetimeMachineSeconds(config: Pick<PortalConfig, 'tokenTtlSeconds' | 'timeScale'>): number {
  return config.tokenTtlSeconds / config.timeScale;
}
