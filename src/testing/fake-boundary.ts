/**
 * An in-memory BitrixBoundary for unit and component tests: methods answer from handlers the
 * test writes, batches resolve `$result[...]` references like the portal, and every round trip
 * is recorded. It stands in for the boundary, never for the SDK.
 */
import type {
  BatchCommands,
  BatchEntry,
  BatchResults,
  BitrixBoundary,
  CallResult,
  CommandTime,
  FrameSession,
  PickedUser,
} from '../bitrix/boundary';
import { BitrixError, toBitrixError } from '../bitrix/errors';
import type { RestMethodName, RestParams, RestResult } from '../bitrix/rest-types';

export type FakeAnswer<M extends RestMethodName> = RestResult<M> | { result: RestResult<M>; total: number };
export type FakeHandler<M extends RestMethodName> = (params: RestParams<M>) => FakeAnswer<M> | Promise<FakeAnswer<M>>;
export type FakeHandlers = { [M in RestMethodName]?: FakeHandler<M> };

export interface RoundTrip {
  kind: 'call' | 'batch';
  methods: string[];
}

export interface FakeBoundary extends BitrixBoundary {
  readonly roundTrips: RoundTrip[];
  readonly openedPaths: string[];
  /** The next round trip fails this way; `afterRunning` = the portal did the work, the answer was lost. */
  failNextRoundTrip(error: BitrixError, options?: { afterRunning?: boolean }): void;
  /** The next round trip reaches the portal twice (a browser resending a POST whose connection dropped). */
  resendNextRoundTrip(): void;
  /** What the next user picker answers; `null` = cancelled (the promise never settles). */
  answerNextPicker(users: PickedUser[] | null): void;
  setHandler<M extends RestMethodName>(method: M, handler: FakeHandler<M>): void;
  /**
   * Puts the computer's clock off the portal's: `portalNow()` answers `Date.now() + skewMs`.
   * Positive = the browser's clock is behind the portal's by skewMs (e.g. `-3 * 3_600_000`:
   * the browser is three hours ahead). Default 0.
   */
  setPortalClockSkew(skewMs: number): void;
  /** What every successful batch command of `method` reports as its time block (`result_time`); none by default. */
  setCommandTime(method: RestMethodName, time: CommandTime | ((params: unknown) => CommandTime)): void;
  /** What `portalUtcOffsetMinutes()` answers. Default 180 (+03:00, the emulator's portal zone). */
  setPortalUtcOffsetMinutes(offsetMinutes: number | null): void;
  fittedTo: HTMLElement | null;
  /** How often the app asked to close its slider / to finish its install. */
  closeApplicationCalls: number;
  finishInstallCalls: number;
}

export const defaultSession: FrameSession = {
  bitrixLanguage: 'en',
  placement: 'CRM_DYNAMIC_177_DETAIL_TAB',
  placementOptions: { ID: '29' },
  isAdmin: false,
  portalOrigin: 'https://portal.example.com',
  memberId: 'member-1',
};

function resolvePath(results: Record<string, unknown>, path: string[]): unknown {
  let current: unknown = results;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function substitute(value: unknown, results: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((entry) => substitute(entry, results));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, substitute(entry, results)]));
  }
  if (typeof value !== 'string') return value;
  const whole = /^\$result((?:\[[^\]]+\])+)$/.exec(value);
  if (whole)
    return resolvePath(
      results,
      [...whole[1]!.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!),
    );
  return value.replace(/\$result((?:\[[^\]]+\])+)/g, (reference, path: string) => {
    const resolved = resolvePath(
      results,
      [...path.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!),
    );
    return typeof resolved === 'string' || typeof resolved === 'number' ? String(resolved) : reference;
  });
}

function unwrap<T>(answer: T | { result: T; total: number }): { result: T; total: number | undefined } {
  if (
    typeof answer === 'object' &&
    answer !== null &&
    'result' in answer &&
    'total' in answer &&
    Object.keys(answer).length === 2
  ) {
    return answer as { result: T; total: number };
  }
  return { result: answer as T, total: undefined };
}

export function createFakeBoundary(handlers: FakeHandlers = {}, session: Partial<FrameSession> = {}): FakeBoundary {
  const table: Record<string, ((params: unknown) => unknown) | undefined> = {
    ...(handlers as Record<string, (params: unknown) => unknown>),
  };
  let nextFailure: { error: BitrixError; afterRunning: boolean } | null = null;
  let resendNext = false;
  let nextPicker: PickedUser[] | null | undefined;
  let portalClockSkewMs = 0;
  const commandTimes = new Map<string, CommandTime | ((params: unknown) => CommandTime)>();
  let portalOffsetMinutes: number | null = 180;

  async function run(method: string, params: unknown): Promise<{ result: unknown; total: number | undefined }> {
    const handler = table[method];
    if (!handler)
      throw new BitrixError({ kind: 'method-not-found', code: 'ERROR_METHOD_NOT_FOUND', status: 404, method });
    return unwrap(await handler(params));
  }

  async function roundTrip<T>(trip: RoundTrip, work: () => Promise<T>): Promise<T> {
    fake.roundTrips.push(trip);
    const failure = nextFailure;
    nextFailure = null;
    if (failure && !failure.afterRunning) throw failure.error;
    if (resendNext) {
      resendNext = false;
      await work();
    }
    const outcome = await work();
    if (failure) throw failure.error;
    return outcome;
  }

  const fake: FakeBoundary = {
    session: { ...defaultSession, ...session },
    roundTrips: [],
    openedPaths: [],
    fittedTo: null,
    closeApplicationCalls: 0,
    finishInstallCalls: 0,

    async call<M extends RestMethodName>(method: M, params: RestParams<M>): Promise<CallResult<RestResult<M>>> {
      return roundTrip({ kind: 'call', methods: [method] }, async () => {
        try {
          return (await run(method, structuredClone(params))) as CallResult<RestResult<M>>;
        } catch (error) {
          throw toBitrixError(error, method);
        }
      });
    },

    async batch<C extends BatchCommands>(commands: C, options: { halt?: boolean } = {}): Promise<BatchResults<C>> {
      return roundTrip({ kind: 'batch', methods: Object.values(commands).map((entry) => entry.method) }, async () => {
        const results: Record<string, unknown> = {};
        const entries: Record<string, BatchEntry<unknown>> = {};
        let halted = false;
        for (const [key, entry] of Object.entries(commands)) {
          if (halted) {
            entries[key] = {
              ok: false,
              error: new BitrixError({
                kind: 'unknown',
                code: 'BATCH_COMMAND_SKIPPED',
                status: 0,
                method: entry.method,
              }),
            };
            continue;
          }
          try {
            const answer = await run(entry.method, substitute(structuredClone(entry.params), results));
            results[key] = answer.result;
            const time = commandTimes.get(entry.method);
            entries[key] = {
              ok: true,
              result: answer.result,
              total: answer.total,
              ...(time ? { time: typeof time === 'function' ? time(entry.params) : time } : {}),
            };
          } catch (error) {
            entries[key] = { ok: false, error: toBitrixError(error, entry.method) };
            if (options.halt) halted = true;
          }
        }
        return entries as BatchResults<C>;
      });
    },

    async openPortalPath(path: string): Promise<void> {
      fake.openedPaths.push(path);
    },

    pickUser(): Promise<PickedUser | null> {
      const answer = nextPicker;
      nextPicker = undefined;
      if (answer === null) return new Promise(() => undefined);
      return Promise.resolve(answer?.[0] ?? null);
    },

    pickUsers(): Promise<PickedUser[]> {
      const answer = nextPicker;
      nextPicker = undefined;
      if (answer === null) return new Promise(() => undefined);
      return Promise.resolve(answer ?? []);
    },

    fitFrameTo(element: HTMLElement): void {
      fake.fittedTo = element;
    },

    portalUrl(path: string): string {
      return new URL(path, fake.session.portalOrigin).toString();
    },

    portalNow(): number {
      return Date.now() + portalClockSkewMs;
    },

    portalUtcOffsetMinutes(): number | null {
      return portalOffsetMinutes;
    },

    async closeApplication(): Promise<void> {
      fake.closeApplicationCalls += 1;
    },

    async finishInstall(): Promise<void> {
      fake.finishInstallCalls += 1;
    },

    failNextRoundTrip(error, options = {}) {
      nextFailure = { error, afterRunning: options.afterRunning === true };
    },

    resendNextRoundTrip() {
      resendNext = true;
    },

    answerNextPicker(users) {
      nextPicker = users;
    },

    setPortalClockSkew(skewMs) {
      portalClockSkewMs = skewMs;
    },

    setCommandTime(method, time) {
      commandTimes.set(method, time);
    },

    setPortalUtcOffsetMinutes(offsetMinutes) {
      portalOffsetMinutes = offsetMinutes;
    },

    setHandler(method, handler) {
      table[method] = handler as (params: unknown) => unknown;
    },
  };
  return fake;
}

/** A portal failure as the boundary reports it, for tests. */
export function portalError(
  kind: BitrixError['kind'],
  code: string,
  status: number,
  portalDescription?: string,
): BitrixError {
  return new BitrixError({ kind, code, status, portalDescription });
}
