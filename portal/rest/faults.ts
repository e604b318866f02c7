/**
 * Faults on demand, for tests and benchmarks: extra latency, failing the next N calls of a
 * method, dropping the connection of the next N requests that contain a method (before the
 * portal acts, or after it acted — the write happened, the answer never arrives), and slowing a
 * method down. Method names are matched case-insensitively; `*` matches every method.
 */
import { isRecord } from './params';

export interface FailFault {
  method: string;
  count: number;
  error: string;
  status?: number;
  description?: string;
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

  /** Consumes one planned failure for this method, if any. */
  takeFailure(method: string): FailFault | undefined {
    const fault = this.#fail.find((candidate) => candidate.count > 0 && matches(candidate.method, method));
    if (!fault) return undefined;
    fault.count -= 1;
    this.#fail = this.#fail.filter((candidate) => candidate.count > 0);
    return fault;
  }

  /** Consumes one planned drop for a request containing any of these methods. */
  takeDrop(methods: string[]): 'before' | 'after' | null {
    const fault = this.#drop.find((candidate) => candidate.count > 0 && methods.some((method) => matches(candidate.method, method)));
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

/** `--fail METHOD:COUNT:CODE[:STATUS]` */
export function parseFailFlag(text: string): FailFault {
  const [method, count, error, status] = text.split(':');
  if (!method || !count || !error) {
    throw new FaultSettingsError(`--fail expects METHOD:COUNT:CODE[:STATUS], e.g. tasks.task.add:1:ERROR_CORE:400; got "${text}"`);
  }
  const fault: FailFault = { method: methodName(method, '--fail'), count: positiveInteger(count, '--fail COUNT'), error };
  if (status !== undefined) fault.status = positiveInteger(status, '--fail STATUS');
  return fault;
}

/** `--drop METHOD:COUNT[:before|after]` */
export function parseDropFlag(text: string): DropFault {
  const [method, count, when = 'before'] = text.split(':');
  if (!method || !count || (when !== 'before' && when !== 'after')) {
    throw new FaultSettingsError(`--drop expects METHOD:COUNT[:before|after], e.g. tasks.task.add:1:after; got "${text}"`);
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
    return value;
  };
  const fail = list('fail');
  if (fail) {
    settings.fail = fail.map((entry, index) => {
      if (!isRecord(entry)) throw new FaultSettingsError(`fail[${index}] must be an object`);
      if (typeof entry.error !== 'string' || entry.error === '') throw new FaultSettingsError(`fail[${index}].error must be an error code`);
      const fault: FailFault = {
        method: methodName(entry.method, `fail[${index}]`),
        count: positiveInteger(entry.count ?? 1, `fail[${index}].count`),
        error: entry.error,
      };
      if (entry.status !== undefined) fault.status = positiveInteger(entry.status, `fail[${index}].status`);
      if (entry.description !== undefined) fault.description = String(entry.description);
      return fault;
    });
  }
  const drop = list('drop');
  if (drop) {
    settings.drop = drop.map((entry, index) => {
      if (!isRecord(entry)) throw new FaultSettingsError(`drop[${index}] must be an object`);
      const when = entry.when ?? 'before';
      if (when !== 'before' && when !== 'after') throw new FaultSettingsError(`drop[${index}].when must be "before" or "after"`);
      return { method: methodName(entry.method, `drop[${index}]`), count: positiveInteger(entry.count ?? 1, `drop[${index}].count`), when };
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
