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
};
