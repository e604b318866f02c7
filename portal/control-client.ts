/**
 * Typed client of the emulator's control API (/_emulator/), for end-to-end tests and benchmarks
 * that run the portal in another process. Uses fetch only, so it works in Node and in Playwright.
 */
import type { FaultSettings } from './rest/faults';
import type { RequestLogEntry } from './rest/request-log';

export type { FailFault, FailAnswer, DropFault, SlowFault, FaultSettings } from './rest/faults';
export type { RequestLogEntry } from './rest/request-log';

export interface EmulatorConfigChanges {
  /** Access token lifetime, portal seconds (AUTH_EXPIRES / expires_in). */
  tokenTtlSeconds?: number;
  /** null switches the rate limit off; drain per portal second. */
  rateLimit?: { drainPerSecond: number; burst: number } | null;
  language?: string;
  /** Added to every REST request, machine milliseconds. */
  latencyMs?: number;
  /** `cloud`, `instant` or the path (on the portal's machine) of a JSON cost profile. */
  cost?: string;
  /** K: portal work runs K times faster (portal/rest/time-scale.ts). */
  timeScale?: number;
  /** Seconds the portal clock is ahead of the machine's (negative: behind). */
  clockOffsetSeconds?: number;
  /** The portal server's IANA time zone. */
  timeZone?: string;
  /** Operating limit per method per app/webhook in ten minutes, portal seconds; null: no limiter. */
  operatingLimitSeconds?: number | null;
  /** Request time limit, portal seconds (cloud 60). */
  requestTimeLimitSeconds?: number;
}

export interface EmulatorConfigView {
  tokenTtlSeconds: number;
  rateLimit: { drainPerSecond: number; burst: number } | null;
  language: string;
  latencyMs: number;
  cost: string;
  timeScale: number;
  clockOffsetSeconds: number;
  timeZone: string;
  operatingLimitSeconds: number | null;
  requestTimeLimitSeconds: number;
}

export interface IssuedTestToken {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user_id: number;
}

export class EmulatorControlError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class EmulatorControl {
  readonly #base: string;

  /** `origin` of the portal, e.g. http://127.0.0.1:4310 */
  constructor(origin: string) {
    this.#base = `${origin.replace(/\/$/, '')}/_emulator/`;
  }

  async #send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.#base + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string } & T;
    if (!response.ok || payload.ok === false) {
      throw new EmulatorControlError(
        `${method} /_emulator/${path}: ${payload.error ?? response.statusText}`,
        response.status,
      );
    }
    return payload;
  }

  async health(): Promise<boolean> {
    const result = await this.#send<{ ok: boolean }>('GET', 'health');
    return result.ok;
  }

  /** Reseeds the portal (demo state, or app not installed with `fresh`), clears logs, faults and config changes. */
  async reset(options: { fresh?: boolean } = {}): Promise<void> {
    await this.#send('POST', 'reset', options);
  }

  /**
   * Replaces the kinds of fault given (latency, fail, drop, slow); the others stay. A `fail` with
   * `when: "after"` lets the method write and then answers the error; `answer: "proxy-html"` /
   * `"proxy-text"` answers a proxy's non-Bitrix 503 page / 429 text instead of the portal's JSON.
   */
  async setFaults(faults: FaultSettings): Promise<void> {
    await this.#send('POST', 'faults', faults);
  }

  async clearFaults(): Promise<void> {
    await this.#send('DELETE', 'faults');
  }

  async configure(changes: EmulatorConfigChanges): Promise<EmulatorConfigView> {
    const result = await this.#send<{ config: EmulatorConfigView }>('POST', 'config', changes);
    return result.config;
  }

  /**
   * Makes the portal a cloud portal run `timeScale` times faster: the `cloud` costs, the cloud
   * operating limit (480 s per method per app in ten minutes, unless `operatingLimitSeconds` is
   * given) and the 60 s request limit, all in portal seconds. E.g. `useCloudProfile({ timeScale: 20 })`
   * makes `tasks.task.add` answer after ~47 ms while reporting 0.934 s. A reset puts back the
   * portal's start configuration.
   */
  async useCloudProfile(
    options: { timeScale?: number; operatingLimitSeconds?: number | null } = {},
  ): Promise<EmulatorConfigView> {
    return this.configure({
      cost: 'cloud',
      timeScale: options.timeScale ?? 1,
      operatingLimitSeconds: options.operatingLimitSeconds === undefined ? 480 : options.operatingLimitSeconds,
      requestTimeLimitSeconds: 60,
    });
  }

  /**
   * Moves an item to another stage as `userId` (default 1) would on the card's stage bar: the
   * rules of crm.item.update with `stageId` (unknown stage INVALID_ARG_VALUE, no access
   * ACCESS_DENIED throw EmulatorControlError), no REST request logged or costed. The app in a
   * detail tab is not told (Bitrix24 sends the frame nothing); reload the card to see it.
   */
  async moveItemToStage(move: {
    entityTypeId: number;
    id: number;
    stageId: string;
    userId?: number;
  }): Promise<{ id: number; stageId: string; categoryId: number }> {
    const result = await this.#send<{ item: { id: number; stageId: string; categoryId: number } }>(
      'POST',
      'items/stage',
      move,
    );
    return result.item;
  }

  /** Accounted operating time now, portal seconds, keyed `app|method` or `webhook:<userId>|method`. */
  async operating(): Promise<Record<string, number>> {
    const result = await this.#send<{ operating: Record<string, number> }>('GET', 'operating');
    return result.operating;
  }

  /** Empties every operating basket (the budget starts again). */
  async clearOperating(): Promise<void> {
    await this.#send('DELETE', 'operating');
  }

  /** Every issued access token expires now; refresh tokens stay valid. Returns how many tokens. */
  async expireTokens(): Promise<number> {
    const result = await this.#send<{ expired: number }>('POST', 'expire-tokens');
    return result.expired;
  }

  /** An app access token for a user, as the portal would post to a frame. */
  async issueToken(userId: number): Promise<IssuedTestToken> {
    return this.#send<IssuedTestToken>('POST', 'tokens', { userId });
  }

  async refreshToken(refreshToken: string): Promise<IssuedTestToken> {
    return this.#send<IssuedTestToken>('POST', 'tokens/refresh', { refreshToken });
  }

  /** One entry per HTTP request to /rest/ since the last clear. */
  async requests(): Promise<RequestLogEntry[]> {
    const result = await this.#send<{ requests: RequestLogEntry[] }>('GET', 'requests');
    return result.requests;
  }

  async clearRequests(): Promise<void> {
    await this.#send('DELETE', 'requests');
  }
}
