/**
 * Starts the emulator in-process over HTTPS and drives it with the real SDK: the webhook client
 * (B24Hook) for most contracts, and an OAuth client (B24OAuth) holding an app token issued the
 * way a portal page issues one, for app-context methods (placement.*, app.*, options).
 */
import { afterAll, beforeAll } from 'vitest';
import { AjaxError, B24Hook, B24OAuth } from '@bitrix24/b24jssdk';
import type { AbstractB24 } from '@bitrix24/b24jssdk';
import { EmulatorControl } from '../control-client';
import type { PortalConfig } from '../config';
import { startPortal } from '../server';
import type { RunningPortal } from '../server';

// Tests only: the emulator's certificate is self-signed.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

/** The SDK's own limiter and retries would only slow the contracts down; faults tests narrow them. */
export function restrictionParams(maxRetries = 1) {
  return {
    rateLimit: { burstLimit: 100_000, drainRate: 10_000, adaptiveEnabled: false },
    operatingLimit: { windowMs: 600_000, limitMs: 480_000, heavyPercent: 80 },
    adaptiveConfig: { enabled: false, thresholdPercent: 80, coefficient: 0.01, maxDelay: 0 },
    maxRetries,
    retryDelay: 50,
    retryOnNetworkError: true,
  };
}

export interface ContractPortal {
  portal: RunningPortal;
  hook: B24Hook;
  control: EmulatorControl;
  /** A webhook client of another user, e.g. the one without rights to smart process 156. */
  hookAs(userId: number): B24Hook;
  app(userId?: number, options?: { maxRetries?: number }): B24OAuth;
}

export async function startContractPortal(overrides: Partial<PortalConfig> = {}): Promise<ContractPortal> {
  // Contracts check shapes, not time: no costs unless a test asks for them (cost: 'cloud').
  const portal = await startPortal({ port: 0, https: true, rateLimit: null, cost: 'instant', ...overrides });
  const hookAs = (userId: number): B24Hook => {
    const hook = B24Hook.fromWebhookUrl(portal.webhookUrl.replace('/rest/1/', `/rest/${userId}/`), {
      restrictionParams: restrictionParams(),
    });
    hook.offClientSideWarning();
    return hook;
  };
  return {
    portal,
    hook: hookAs(1),
    control: new EmulatorControl(portal.origin),
    hookAs,
    app: (userId = 1, options = {}) => appClient(portal, userId, options.maxRetries ?? 1),
  };
}

function appClient(portal: RunningPortal, userId: number, maxRetries: number): B24OAuth {
  const issued = portal.issueAppToken(userId);
  const clientEndpoint = `${portal.origin}/rest/`;
  const client = new B24OAuth(
    {
      applicationToken: 'test',
      userId,
      memberId: 'test-member',
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      // The client believes its token is good for an hour; the portal decides.
      expires: Math.floor(Date.now() / 1000) + 3600,
      expiresIn: issued.expiresIn,
      scope: 'crm,task,user,placement',
      domain: portal.host,
      clientEndpoint,
      serverEndpoint: `${portal.origin}/oauth/`,
      status: 'L',
    },
    { clientId: 'local.test', clientSecret: 'secret' },
    { restrictionParams: restrictionParams(maxRetries) },
  );
  client.offClientSideWarning();
  let refreshToken = issued.refreshToken;
  client.setCustomRefreshAuth(async () => {
    const next = portal.refreshAppToken(refreshToken);
    if (!next) throw new Error('refresh token rejected by the portal');
    refreshToken = next.refreshToken;
    return {
      access_token: next.accessToken,
      refresh_token: next.refreshToken,
      expires: Math.floor(Date.now() / 1000) + next.expiresIn,
      expires_in: next.expiresIn,
      client_endpoint: clientEndpoint,
      server_endpoint: `${portal.origin}/oauth/`,
      member_id: 'test-member',
      scope: 'crm,task,user,placement',
      status: 'L',
      domain: portal.host,
    } as never;
  });
  return client;
}

export interface CallData<T> {
  result: T;
  time: Record<string, unknown>;
  /** The SDK's `getTotal()` (0 when the portal sent none). */
  total: number;
  /** The SDK's `isMore()`: the portal sent a numeric `next`. */
  more: boolean;
}

/** One successful call through `actions.v2.call.make`; fails the test with the portal's error otherwise. */
export async function call<T = unknown>(
  b24: AbstractB24,
  method: string,
  params: Record<string, unknown> = {},
): Promise<CallData<T>> {
  const response = await b24.actions.v2.call.make<T>({ method, params });
  if (!response.isSuccess) throw new Error(`${method} failed: ${response.getErrorMessages().join('; ')}`);
  const data = response.getData() as unknown as { result: T; time: Record<string, unknown> };
  return { result: data.result, time: data.time, total: response.getTotal(), more: response.isMore() };
}

export interface PortalFailure {
  code: string;
  status: number;
  message: string;
}

/** A call that must fail: the portal's error code, HTTP status and description as the SDK reports them. */
export async function callFailure(
  b24: AbstractB24,
  method: string,
  params: Record<string, unknown> = {},
): Promise<PortalFailure> {
  try {
    const response = await b24.actions.v2.call.make({ method, params });
    if (response.isSuccess) throw new Error(`${method} was expected to fail but succeeded`);
    const error = [...response.getErrors()][0] as AjaxError | Error | undefined;
    if (error instanceof AjaxError) return { code: String(error.code), status: error.status, message: error.message };
    return { code: 'UNKNOWN', status: response.getStatus(), message: response.getErrorMessages().join('; ') };
  } catch (error) {
    if (error instanceof AjaxError) return { code: String(error.code), status: error.status, message: error.message };
    throw error;
  }
}

/** The portal's envelope as sent, through the webhook (for `next`/`total` exactly as written). */
export async function rawWebhookCall(
  portal: RunningPortal,
  method: string,
  params: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${portal.webhookUrl}${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Raw HTTP to the portal (what the SDK never sends: forms, GET, preflight). */
export async function rawRequest(
  portal: RunningPortal,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const response = await fetch(portal.origin + path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

/**
 * One emulator per test file, started before its tests and closed after them. The returned
 * object is filled in when the portal is up, so tests read it as they would a plain value.
 */
export function contractPortalForThisFile(overrides: Partial<PortalConfig> = {}): ContractPortal {
  const context = {} as ContractPortal;
  beforeAll(async () => {
    Object.assign(context, await startContractPortal(overrides));
  });
  afterAll(async () => {
    await context.portal.close();
  });
  return context;
}
