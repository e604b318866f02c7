/**
 * Pacing a bulk run by what the portal says about its own load (b24restdocs
 * settings/performance/limits.md; the `time` block of api-reference/data-types.md):
 * - a request must stay well under the SDK's 30 s timeout (and the cloud's 60 s cut-off), so a
 *   create batch carries as many commands as fit in TARGET_REQUEST_SECONDS by each command's
 *   measured `processing`, not a fixed 50 (a cloud `tasks.task.add` costs ~0.93 s: 50 would take
 *   ~47 s);
 * - each method may use OPERATING_LIMIT_SECONDS of portal time per app in ten rolling one-minute
 *   baskets; past it the portal answers 429 OPERATION_TIME_LIMIT, and SDK 2.2.0 blocks the method
 *   silently from 475 s on (`operating-limiter`). So the run holds before a batch that would pass
 *   HOLD_AT_SECONDS until `operating_reset_at` (the oldest basket drops), visibly;
 * - a method blocked by the portal is blocked until the reset time last seen for it (the 429 body
 *   carries no time block).
 * Seconds are portal seconds as the portal reports them; instants are ms since the epoch by the
 * PORTAL's clock.
 */

/** What one command's answer said (src/bitrix CommandTime, repeated here to keep the domain free of the boundary). */
export interface ObservedTime {
  processingSeconds: number | null;
  operatingSeconds: number | null;
  operatingResetAt: number | null;
}

/** Wait until the portal lets the method run again. */
export interface Hold {
  /** Portal clock, ms since the epoch. */
  portalTime: number;
  /** From now, ms. */
  waitMs: number;
}

/** A request should take at most this long on the portal (well under the SDK's 30 s timeout). */
export const TARGET_REQUEST_SECONDS = 6;
/** limits.md: 480 s per method per app in ten minutes (cloud). */
export const OPERATING_LIMIT_SECONDS = 480;
/**
 * Hold before going past this. The portal refuses a call only once the sum already exceeds the
 * limit; SDK 2.2.0 holds a request by itself once the last `operating` it saw reaches limit − 5 s.
 * Just under that, the run uses the whole budget and neither ever blocks it.
 */
export const HOLD_AT_SECONDS = OPERATING_LIMIT_SECONDS - 6;
/**
 * SDK 2.2.0 holds a request by itself once a method's operating time reaches limit − 5 s
 * (`operating-limiter`), until the reset: the run holds before that, but says so if it happens.
 * (Its adaptive delay above 80 % is switched off in src/bitrix/frame.ts.)
 */
export const SDK_SLOWS_AT_SECONDS = OPERATING_LIMIT_SECONDS - 5;
/** Before anything is measured: a cloud `tasks.task.add` (~0.93 s) × this stays under the target. */
export const FIRST_BATCH_SIZE = 6;
const MAX_BATCH = 50;
/** Recent commands whose cost is averaged. */
const SAMPLES = 20;

interface MethodState {
  costs: number[];
  operatingSeconds: number | null;
  resetAt: number | null;
}

export class OperatingPace {
  private readonly methods = new Map<string, MethodState>();

  private state(method: string): MethodState {
    let state = this.methods.get(method);
    if (!state) {
      state = { costs: [], operatingSeconds: null, resetAt: null };
      this.methods.set(method, state);
    }
    return state;
  }

  /** Records what the portal said about one command of `method`. */
  observe(method: string, time: ObservedTime | undefined): void {
    if (!time) return;
    const state = this.state(method);
    if (time.processingSeconds !== null) {
      state.costs.push(time.processingSeconds);
      if (state.costs.length > SAMPLES) state.costs.shift();
    }
    // Commands of one batch answer in order: the last one says the most recent sum.
    if (time.operatingSeconds !== null) state.operatingSeconds = time.operatingSeconds;
    if (time.operatingResetAt !== null) state.resetAt = time.operatingResetAt;
  }

  /** Average portal seconds per command of `method`; null before any answer said. */
  costOf(method: string): number | null {
    const costs = this.methods.get(method)?.costs ?? [];
    return costs.length === 0 ? null : costs.reduce((sum, cost) => sum + cost, 0) / costs.length;
  }

  /** How many commands of `method` one request should carry, 1…50. */
  batchSize(method: string): number {
    const cost = this.costOf(method);
    if (cost === null) return FIRST_BATCH_SIZE;
    if (cost <= 0) return MAX_BATCH;
    return Math.max(1, Math.min(MAX_BATCH, Math.floor(TARGET_REQUEST_SECONDS / cost)));
  }

  /**
   * Whether to hold before sending `count` more commands of `method`, and until when: when the
   * method's operating time would pass HOLD_AT_SECONDS, until its oldest basket drops.
   */
  holdBefore(method: string, count: number, portalNow: number): Hold | null {
    const state = this.methods.get(method);
    if (!state || state.operatingSeconds === null || state.resetAt === null || state.resetAt <= portalNow) return null;
    const expected = state.operatingSeconds + count * (this.costOf(method) ?? 0);
    if (expected <= HOLD_AT_SECONDS) return null;
    return { portalTime: state.resetAt, waitMs: state.resetAt - portalNow };
  }

  /** How many commands fit before the hold point (at least 1: the basket drop frees room). */
  roomFor(method: string, wanted: number): number {
    const state = this.methods.get(method);
    const cost = this.costOf(method);
    if (!state || state.operatingSeconds === null || cost === null || cost <= 0) return wanted;
    return Math.max(1, Math.min(wanted, Math.floor((HOLD_AT_SECONDS - state.operatingSeconds) / cost)));
  }

  /** The SDK will hold the next request of `method` by itself (its operating block). */
  sdkWillSlow(method: string): boolean {
    const operating = this.methods.get(method)?.operatingSeconds;
    return operating !== null && operating !== undefined && operating >= SDK_SLOWS_AT_SECONDS;
  }

  /** After a 429 OPERATION_TIME_LIMIT: blocked until the reset time last seen; null when never seen. */
  blockedUntil(method: string, portalNow: number): Hold | null {
    const resetAt = this.methods.get(method)?.resetAt ?? null;
    if (resetAt === null || resetAt <= portalNow) return null;
    return { portalTime: resetAt, waitMs: resetAt - portalNow };
  }
}
