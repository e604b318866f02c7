/**
 * The operating-time limit of a cloud portal (docs settings/performance/limits.md, "Resource
 * Intensity Limits"): the execution time of each method is summed separately for each application
 * and each webhook, in ten one-minute baskets. A basket holds the time of the calls that started
 * in its minute; it is dropped ten minutes after the first call recorded in it
 * (`operating_reset_at` is when the oldest one goes). `operating` is the sum of the live baskets.
 * Before each call the sum is checked: when it already **exceeds** the limit the call is refused
 * with 429 `OPERATION_TIME_LIMIT`; the call that takes it over the limit still runs. The outer
 * `batch` is not accounted; each command inside it is, against its own method's sum.
 *
 * Times are portal work time (portal/rest/time-scale.ts), in milliseconds for instants and
 * seconds for amounts. The portal code (`LoadLimiter`) also skips requests that took 0.1 s or
 * less; the docs do not say so and the emulator counts every call (the stricter reading).
 */

/** One basket: the calls of one method for one caller that started in one portal minute. */
interface Basket {
  minute: number;
  /** Portal work time of the first call recorded in it, ms. */
  firstAtMs: number;
  /** Execution time summed, portal seconds. */
  seconds: number;
}

/** Ten one-minute baskets (limits.md). */
export const BASKET_MINUTES = 10;
export const BASKET_MS = 60_000;
/** How long a basket counts after its first call, portal ms. */
export const BASKET_LIFETIME_MS = BASKET_MINUTES * BASKET_MS;

/** The accounted time of one method for one caller at a moment. */
export interface OperatingState {
  /** Sum of the live baskets, portal seconds (the `operating` key). */
  operatingSeconds: number;
  /** Portal work time when the oldest live basket drops, ms; null when none is live. */
  resetAtMs: number | null;
}

/** Who is accounted: the app (one budget for all its users) or one webhook. */
export function operatingEntity(auth: { kind: 'app' | 'webhook'; userId: number }): string {
  // The portal keys the app by its client id and a webhook by its password id; the emulator has
  // one app, and one webhook per user (its URL carries the user).
  return auth.kind === 'app' ? 'app' : `webhook:${auth.userId}`;
}

/** The baskets of every caller and method of one portal (see the file comment). */
export class OperatingBudget {
  readonly #baskets = new Map<string, Basket[]>();

  #live(entity: string, method: string, nowMs: number): Basket[] {
    const key = `${entity}|${method}`;
    const baskets = (this.#baskets.get(key) ?? []).filter((basket) => basket.firstAtMs + BASKET_LIFETIME_MS > nowMs);
    if (baskets.length === 0) this.#baskets.delete(key);
    else this.#baskets.set(key, baskets);
    return baskets;
  }

  /** What `operating` and `operating_reset_at` say for this caller and method at `nowMs`. */
  state(entity: string, method: string, nowMs: number): OperatingState {
    const baskets = this.#live(entity, method, nowMs);
    if (baskets.length === 0) return { operatingSeconds: 0, resetAtMs: null };
    return {
      operatingSeconds: baskets.reduce((sum, basket) => sum + basket.seconds, 0),
      resetAtMs: Math.min(...baskets.map((basket) => basket.firstAtMs)) + BASKET_LIFETIME_MS,
    };
  }

  /** True when the next call must be refused: the sum already exceeds `limitSeconds`. */
  isBlocked(entity: string, method: string, nowMs: number, limitSeconds: number): boolean {
    return this.state(entity, method, nowMs).operatingSeconds > limitSeconds;
  }

  /** Adds a call that started at `startedAtMs` and ran `seconds` to the basket of its minute. */
  record(entity: string, method: string, startedAtMs: number, seconds: number): void {
    const baskets = this.#live(entity, method, startedAtMs);
    const minute = Math.floor(startedAtMs / BASKET_MS);
    const basket = baskets.find((candidate) => candidate.minute === minute);
    if (basket) basket.seconds += seconds;
    else baskets.push({ minute, firstAtMs: startedAtMs, seconds });
    this.#baskets.set(`${entity}|${method}`, baskets);
  }

  /** Forgets everything (control API reset). */
  clear(): void {
    this.#baskets.clear();
  }

  /** Every caller and method with live baskets: `{ "app|tasks.task.add": seconds }`. */
  snapshot(nowMs: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.#baskets.keys()]) {
      const [entity, method] = key.split('|') as [string, string];
      const { operatingSeconds } = this.state(entity, method, nowMs);
      if (operatingSeconds > 0) out[key] = operatingSeconds;
    }
    return out;
  }
}
