/**
 * The portal emulator: one Node server (HTTP, or HTTPS with a certificate made at start) that
 * answers REST under /rest/, the control API under /_emulator/, user photos under /upload/, and
 * hands every other path to the portal pages (portal/host/routes.ts).
 */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { entryUrls } from '../placements/manifest';
import { avatarSvg } from './avatars';
import type { PortalConfig } from './config';
import { defaultPortalConfig, tokenLifetimeMachineSeconds } from './config';
import { handleControlRequest } from './control/control-routes';
import type { ControlTarget } from './control/control-routes';
import type { IssuedAuth } from './host/host-data';
import { createHostRoutes } from './host/routes';
import type { HostRoutes } from './host/routes';
import { createStaticAppRoute, readStaticAppArchive, staticAppPath } from './host/static-app';
import type { StaticAppArchive, StaticAppRoute } from './host/static-app';
import { FaultRegistry } from './rest/faults';
import type { FaultSettings } from './rest/faults';
import { handleRestRequest, REST_CORS_HEADERS } from './rest/handle-rest-request';
import { createMethodRegistry } from './rest/methods';
import { createRunAsUser } from './rest/run-as-user';
import { OperatingBudget } from './rest/operating-budget';
import { LeakyBucket } from './rest/rate-limit';
import { RequestLog } from './rest/request-log';
import type { RestRuntime } from './rest/rest-runtime';
import { RuntimeConfig } from './runtime-config';
import { buildInitialState } from './state/build-state';
import { createHostData } from './state/host-data-adapter';
import { readStateFile } from './state/persistence';
import { bindPortalClock, portalNow } from './portal-time';
import type { PortalState } from './state/state-types';
import { PortalStore } from './state/store';

export interface PortalUrls {
  /** The app's own page (DEFAULT placement, first-run install). */
  appPage: string;
  /** Item 29 of smart process 177 with the app's detail tab open. */
  detailTab: string;
  /** The item list of smart process 177. */
  itemList: string;
  /** The automation rules designer of smart process 177's funnel 7 (ROBOT_DESIGNER_TOOLBAR entries). */
  automation: string;
}

export interface RunningPortal {
  origin: string;
  port: number;
  /** `host:port`, as DOMAIN and window.name carry it. */
  host: string;
  /** The live configuration (the control API changes it in place). */
  config: PortalConfig;
  /** Inbound webhook base, `<origin>/rest/1/<secret>/`. */
  webhookUrl: string;
  urls: PortalUrls;
  /** Test helper: an app access token for a user, as the portal issues one when it renders a frame. */
  issueAppToken(userId: number): IssuedAuth;
  /** Test helper: the portal's refreshAuth for an app token. */
  refreshAppToken(refreshToken: string): IssuedAuth | undefined;
  /** Whether the app counts as installed now (false until its first run finishes; an archive without install.html is installed at once). */
  appInstalled(): boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Faults armed at start (CLI flags); a control API reset re-arms them. */
  faults?: FaultSettings;
}

/** A data file made for another app URL gets its app and bindings moved to the current one. */
function rebaseAppUrl(state: PortalState, appUrl: string): void {
  if (state.appBaseUrl === appUrl) return;
  const before = entryUrls(state.appBaseUrl);
  const after = entryUrls(appUrl);
  const oldBase = new URL('./', before.handler).toString();
  const newBase = new URL('./', after.handler).toString();
  state.app.url = after.handler;
  state.app.installUrl = after.install;
  for (const placement of state.placements) {
    if (placement.handler.startsWith(oldBase)) placement.handler = newBase + placement.handler.slice(oldBase.length);
  }
  state.appBaseUrl = appUrl;
}

/**
 * A static app installed from its archive: the app and its bindings move to the folder the portal
 * hosts it in; an archive without install.html has no wizard, so the app counts as installed
 * (installation-master.md: Bitrix24 then opens index.html at once).
 */
function useStaticApp(state: PortalState, archive: StaticAppArchive, appUrl: string): void {
  rebaseAppUrl(state, appUrl);
  if (!archive.hasInstallWizard) {
    state.app.installUrl = state.app.url;
    state.app.installed = true;
  }
}

function initialState(config: PortalConfig): PortalState {
  const fromFile = config.dataFile && !config.fresh ? readStateFile(config.dataFile) : null;
  if (fromFile) {
    rebaseAppUrl(fromFile, config.appUrl);
    return fromFile;
  }
  return buildInitialState({ appUrl: config.appUrl, fresh: config.fresh, language: config.language, now: portalNow() });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function sendNotFound(response: ServerResponse, url: URL): void {
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>Page not found</h1><p>${escapeHtml(url.pathname)}</p></body></html>`;
  response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(body);
}

async function createServer(
  https: boolean,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Server> {
  if (!https) return createHttpServer(handler);
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return createHttpsServer({ key: pems.private, cert: pems.cert }, handler);
}

/**
 * Starts a portal. Throws CostProfileError for a `cost` that is neither `cloud`, `instant` nor a
 * valid profile file, StateFileError for a bad `dataFile`, and the listen error (EADDRINUSE…).
 * The portal's clock and zone become this process's portal clock (portal/portal-time.ts).
 */
export async function startPortal(
  overrides: Partial<PortalConfig> = {},
  options: StartOptions = {},
): Promise<RunningPortal> {
  const runtimeConfig = new RuntimeConfig({ ...defaultPortalConfig, ...overrides });
  const config = runtimeConfig.current;
  // Read before listening, so a broken archive stops the start with its reason (StaticAppArchiveError).
  const staticApp = config.appArchive ? readStaticAppArchive(config.appArchive) : null;
  let staticAppRoute: StaticAppRoute | null = null;
  // The app's base URL; for an archive, known once the portal listens (its own origin).
  let appBaseUrl = config.appUrl;
  const unbindClock = bindPortalClock(config);
  const store = new PortalStore(initialState(config), config.dataFile);
  store.changed();
  let origin = '';
  let hostRoutes: HostRoutes = async () => false;

  const faults = new FaultRegistry();
  if (options.faults) faults.apply(options.faults);
  const runtime: RestRuntime = {
    store,
    config: runtimeConfig,
    faults,
    bucket: new LeakyBucket(),
    operating: new OperatingBudget(),
    log: new RequestLog(),
    methods: createMethodRegistry(),
    origin: () => origin,
  };
  const toIssued = (userId: number) => {
    const token = store.issueToken(userId, tokenLifetimeMachineSeconds(config));
    return {
      access_token: token.accessToken,
      refresh_token: token.refreshToken,
      expires_in: config.tokenTtlSeconds,
      user_id: userId,
    };
  };
  // What the portal's own pages (and the control API acting as a user) run: no log, no cost.
  const runAsUser = createRunAsUser({
    store,
    config: () => runtimeConfig.current,
    methods: runtime.methods,
    origin: () => origin,
  });
  const control: ControlTarget = {
    runtime,
    runAsUser,
    reseed: (fresh) => {
      store.replace(buildInitialState({ appUrl: appBaseUrl, fresh, language: config.language, now: portalNow() }));
      if (staticApp) useStaticApp(store.state, staticApp, appBaseUrl);
      if (options.faults) faults.apply(options.faults);
    },
    issueToken: toIssued,
    refreshToken: (refreshToken) => {
      const token = store.refreshToken(refreshToken, tokenLifetimeMachineSeconds(config));
      return token
        ? {
            access_token: token.accessToken,
            refresh_token: token.refreshToken,
            expires_in: config.tokenTtlSeconds,
            user_id: token.userId,
          }
        : undefined;
    },
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', origin || 'http://127.0.0.1');
    if (url.pathname === '/rest' || url.pathname.startsWith('/rest/')) {
      if (request.method === 'OPTIONS') {
        response.writeHead(200, { ...REST_CORS_HEADERS, 'Access-Control-Max-Age': '86400', 'Content-Length': '0' });
        response.end();
        return;
      }
      await handleRestRequest(request, response, url, runtime);
      return;
    }
    if (await handleControlRequest(request, response, url, control)) return;
    const svg = request.method === 'GET' || request.method === 'HEAD' ? avatarSvg(url.pathname, store) : undefined;
    if (svg !== undefined) {
      response.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' });
      response.end(svg);
      return;
    }
    if (staticAppRoute?.(request, response, url)) return;
    if (await hostRoutes(request, response, url)) return;
    sendNotFound(response, url);
  };

  const server = await createServer(config.https, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[portal] request failed:', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      unbindClock();
      reject(error);
    });
    server.listen(config.port, config.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  config.port = port;
  const host = `${config.hostname}:${port}`;
  origin = `${config.https ? 'https' : 'http'}://${host}`;
  if (staticApp) {
    const path = staticAppPath(store.state.app.clientId);
    appBaseUrl = config.appUrl = `${origin}${path}`;
    useStaticApp(store.state, staticApp, appBaseUrl);
    store.changed();
    staticAppRoute = createStaticAppRoute(staticApp, path);
  }
  const data = createHostData(store, config, origin, runAsUser);
  hostRoutes = createHostRoutes({ data, config, origin });

  let closed = false;
  return {
    origin,
    port,
    host,
    config,
    webhookUrl: `${origin}/rest/1/${config.webhookSecret}/`,
    urls: {
      appPage: `${origin}/marketplace/app/${store.state.app.id}/`,
      detailTab: `${origin}/crm/type/177/details/29/?active_tab=CRM_DYNAMIC_177_DETAIL_TAB`,
      itemList: `${origin}/crm/type/177/list/`,
      automation: `${origin}/crm/type/177/automation/7/`,
    },
    issueAppToken: (userId) => data.issueAuth(userId),
    refreshAppToken: (refreshToken) => data.refreshAuth(refreshToken),
    appInstalled: () => store.state.app.installed,
    close: async () => {
      if (closed) return;
      closed = true;
      store.flush();
      unbindClock();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
