/**
 * Faults on demand, for tests and benchmarks: extra latency, failing the next N calls of a
 * method (before the portal acts, or after it acted — the write happened, an error is answered
 * instead of the result; answered as the portal's own JSON error or as a proxy's non-Bitrix
 * page), dropping the connection of the next N requests that contain a method (before or after
 * the portal acted), and slowing a method down. Method names are matched case-insensitively;
 * `*` matches every method.
 */
import { isRecord } from './params';

/**
 * How a planned failure is answered:
 * - `portal`: the portal's own `{error, error_description}` JSON with `status` (default 400);
 *   inside a batch it is that command's entry in `result_error`.
 * - `proxy-html`: a front proxy's HTML error page (`text/html`, e.g. nginx's 503 page) with
 *   `status` (default 503) — not Bitrix JSON. It answers the whole HTTP request, so a batch
 *   command that matches fails the whole batch request.
 * - `proxy-text`: a gateway's plain-text answer (`text/plain`, e.g. "429 Too Many Requests")
 *   with `status` (default 429) — not Bitrix JSON; whole request as for `proxy-html`.
 */
export type FailAnswer = 'portal' | 'proxy-html' | 'proxy-text';

export const FAIL_ANSWERS: readonly FailAnswer[] = ['portal', 'proxy-html', 'proxy-text'];

export interface FailFault {
  method: string;
  count: number;
  /** The portal's error code (required for `answer: "portal"`); not used by the proxy answers. */
  error?: string;
  /** HTTP status; default 400 for `portal`, 503 for `proxy-html`, 429 for `proxy-text`. */
  status?: number;
  description?: string;
  /**
   * `before` (default): the method does not run. `after`: the method runs (the write happens),
   * then the error is answered instead of its result. A method that fails on its own answers
   * its own error (nothing was written); the fault is used up either way.
   */
  when?: 'before' | 'after';
  /** Default `portal`. */
  answer?: FailAnswer;
}

/** Default HTTP status of a planned failure by its answer. */
export function failStatus(fault: FailFault): number {
  if (fault.status !== undefined) return fault.status;
  if (fault.answer === 'proxy-html') return 503;
  if (fault.answer === 'proxy-text') return 429;
  return 400;
}

function isProxyAnswer(fault: FailFault): boolean {
  return fault.answer === 'proxy-html' || fault.answer === 'proxy-text';
}

export interface DropFault {
  method: string;
  count: number;
  when: 'before' | 'after';
}

export interface SlowFault {
  method: string;
  ms: number;
}

export interface FaultSettings {
  latencyMs?: number;
  fail?: FailFault[];
  drop?: DropFault[];
  slow?: SlowFault[];
}

export class FaultSettingsError extends Error {}

function matches(pattern: string, method: string): boolean {
  return pattern === '*' || pattern.toLowerCase() === method.toLowerCase();
}

export class FaultRegistry {
  #latencyMs: number | null = null;
  #fail: FailFault[] = [];
  #drop: DropFault[] = [];
  #slow: SlowFault[] = [];

  /** Replaces the kinds of fault present in `settings`; the others stay as they are. */
  apply(settings: FaultSettings): void {
    if (settings.latencyMs !== undefined) this.#latencyMs = settings.latencyMs;
    if (settings.fail) this.#fail = settings.fail.map((fault) => ({ ...fault }));
    if (settings.drop) this.#drop = settings.drop.map((fault) => ({ ...fault }));
    if (settings.slow) this.#slow = settings.slow.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#latencyMs = null;
    this.#fail = [];
    this.#drop = [];
    this.#slow = [];
  }

  snapshot(): Required<FaultSettings> & { latencyMs: number | null } {
    return {
      latencyMs: this.#latencyMs,
      fail: this.#fail.map((fault) => ({ ...fault })),
      drop: this.#drop.map((fault) => ({ ...fault })),
      slow: this.#slow.map((fault) => ({ ...fault })),
    } as Required<FaultSettings> & { latencyMs: number | null };
  }

  /** Latency set through the control API, or null to use the configured one. */
  latencyOverride(): number | null {
    return this.#latencyMs;
  }

  /** Consumes one planned failure answered by the portal itself (JSON) for this method, if any. */
  takeFailure(method: string): FailFault | undefined {
    const fault = this.#fail.find(
      (candidate) => candidate.count > 0 && !isProxyAnswer(candidate) && matches(candidate.method, method),
    );
    if (!fault) return undefined;
    fault.count -= 1;
    this.#fail = this.#fail.filter((candidate) => candidate.count > 0);
    return { ...fault };
  }

  /**
   * Consumes one planned proxy answer (`proxy-html`/`proxy-text`) for a request containing any of
   * these methods (the URL's method and a batch's commands): a proxy sees only whole requests.
   */
  takeProxyFailure(methods: string[]): FailFault | undefined {
    const fault = this.#fail.find(
      (candidate) =>
        candidate.count > 0 && isProxyAnswer(candidate) && methods.some((method) => matches(candidate.method, method)),
    );
    if (!fault) return undefined;
    fault.count -= 1;
    this.#fail = this.#fail.filter((candidate) => candidate.count > 0);
    return { ...fault };
  }

  /** Consumes one planned drop for a request containing any of these methods. */
  takeDrop(methods: string[]): 'before' | 'after' | null {
    const fault = this.#drop.find(
      (candidate) => candidate.count > 0 && methods.some((method) => matches(candidate.method, method)),
    );
    if (!fault) return null;
    fault.count -= 1;
    this.#drop = this.#drop.filter((candidate) => candidate.count > 0);
    return fault.when;
  }

  slowdownFor(method: string): number {
    return this.#slow.filter((fault) => matches(fault.method, method)).reduce((total, fault) => total + fault.ms, 0);
  }
}

// --- parsing and validation ---------------------------------------------------------------------

function positiveInteger(value: unknown, what: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
    throw new FaultSettingsError(`${what} must be a whole number of 0 or more, got ${JSON.stringify(value)}`);
  }
  return number;
}

function methodName(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new FaultSettingsError(`${what} needs a method name`);
  return value.trim().toLowerCase();
}

const FAIL_FLAG_USAGE =
  '--fail expects METHOD:COUNT:CODE[:STATUS][:before|after], CODE a portal error code or proxy-html / proxy-text, ' +
  'e.g. tasks.task.add:1:ERROR_CORE:400, tasks.task.add:1:proxy-html:503:after, batch:1:INTERNAL_SERVER_ERROR:500:after';

/**
 * `--fail METHOD:COUNT:CODE[:STATUS][:before|after]`: CODE `proxy-html` or `proxy-text` plants a
 * proxy's answer, any other CODE the portal's own JSON error. STATUS may be left out before
 * `before|after` (`tasks.task.add:1:proxy-html:after`).
 */
export function parseFailFlag(text: string): FailFault {
  const parts = text.split(':');
  const [method, count, error] = parts;
  let rest = parts.slice(3);
  let when: 'before' | 'after' | undefined;
  const last = rest[rest.length - 1];
  if (last === 'before' || last === 'after') {
    when = last;
    rest = rest.slice(0, -1);
  }
  if (!method || !count || !error || rest.length > 1) throw new FaultSettingsError(`${FAIL_FLAG_USAGE}; got "${text}"`);
  const fault: FailFault = {
    method: methodName(method, '--fail'),
    count: positiveInteger(count, '--fail COUNT'),
    error,
  };
  if ((FAIL_ANSWERS as readonly string[]).includes(error)) fault.answer = error as FailAnswer;
  if (rest[0] !== undefined) fault.status = httpStatus(rest[0], '--fail STATUS');
  if (when) fault.when = when;
  return fault;
}

function httpStatus(value: unknown, what: string): number {
  const status = positiveInteger(value, what);
  if (status < 100 || status > 599)
    throw new FaultSettingsError(`${what} must be an HTTP status 100-599, got ${JSON.stringify(value)}`);
  return status;
}

/** `--drop METHOD:COUNT[:before|after]` */
export function parseDropFlag(text: string): DropFault {
  const [method, count, when = 'before'] = text.split(':');
  if (!method || !count || (when !== 'before' && when !== 'after')) {
    throw new FaultSettingsError(
      `--drop expects METHOD:COUNT[:before|after], e.g. tasks.task.add:1:after; got "${text}"`,
    );
  }
  return { method: methodName(method, '--drop'), count: positiveInteger(count, '--drop COUNT'), when };
}

/** `--slow METHOD:MS` */
export function parseSlowFlag(text: string): SlowFault {
  const [method, ms] = text.split(':');
  if (!method || !ms) throw new FaultSettingsError(`--slow expects METHOD:MS, e.g. crm.item.list:800; got "${text}"`);
  return { method: methodName(method, '--slow'), ms: positiveInteger(ms, '--slow MS') };
}

/** Validates a control API body into fault settings, with a message naming what is wrong. */
export function parseFaultSettings(body: unknown): FaultSettings {
  if (!isRecord(body)) throw new FaultSettingsError('The body must be a JSON object');
  const settings: FaultSettings = {};
  if (body.latencyMs !== undefined) settings.latencyMs = positiveInteger(body.latencyMs, 'latencyMs');
  const list = (key: string): unknown[] | undefined => {
    const value = body[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new FaultSettingsError(`${key} must be an array`);
    return value as unknown[];
  };
  const fail = list('fail');
  if (fail) {
    settings.fail = fail.map((entry, index) => {
      if (!isRecord(entry)) throw new FaultSettingsError(`fail[${index}] must be an object`);
      const answer = entry.answer ?? 'portal';
      if (typeof answer !== 'string' || !(FAIL_ANSWERS as readonly string[]).includes(answer)) {
        throw new FaultSettingsError(`fail[${index}].answer must be one of ${FAIL_ANSWERS.join(', ')}`);
      }
      const proxy = answer !== 'portal';
      if (!proxy && (typeof entry.error !== 'string' || entry.error === ''))
        throw new FaultSettingsError(`fail[${index}].error must be an error code`);
      const when = entry.when ?? 'before';
      if (when !== 'before' && when !== 'after')
        throw new FaultSettingsError(`fail[${index}].when must be "before" or "after"`);
      const fault: FailFault = {
        method: methodName(entry.method, `fail[${index}]`),
        count: positiveInteger(entry.count ?? 1, `fail[${index}].count`),
        error: typeof entry.error === 'string' && entry.error !== '' ? entry.error : answer,
        when,
        answer: answer as FailAnswer,
      };
      if (entry.status !== undefined) fault.status = httpStatus(entry.status, `fail[${index}].status`);
      if (entry.description !== undefined) fault.description = String(entry.description);
      return fault;
    });
  }
  const drop = list('drop');
  if (drop) {
    settings.drop = drop.map((entry, index) => {
      if (!isRecord(entry)) throw new FaultSettingsError(`drop[${index}] must be an object`);
      const when = entry.when ?? 'before';
      if (when !== 'before' && when !== 'after')
        throw new FaultSettingsError(`drop[${index}].when must be "before" or "after"`);
      return {
        method: methodName(entry.method, `drop[${index}]`),
        count: positiveInteger(entry.count ?? 1, `drop[${index}].count`),
        when,
      };
    });
  }
  const slow = list('slow');
  if (slow) {
    settings.slow = slow.map((entry, index) => {
      if (!isRecord(entry)) throw new FaultSettingsError(`slow[${index}] must be an object`);
      return { method: methodName(entry.method, `slow[${index}]`), ms: positiveInteger(entry.ms, `slow[${index}].ms`) };
    });
  }
  return settings;
}
