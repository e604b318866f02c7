/**
 * Runs one method call as a cloud portal does it, in time: the operating-time check before it
 * (429 `OPERATION_TIME_LIMIT`), the method, then the rest of its cost (the answer arrives after the
 * cost has passed), its time recorded in the caller's operating baskets, and the request cut off
 * when its processing would pass the request time limit. Used for a top-level call and for each
 * command inside a batch (a batch takes the sum of its commands).
 *
 * Sources: settings/performance/limits.md (operating time, 60-second limit); the portal code
 * (`CRestServer::processCall`, `LoadLimiter`) for the error text and for what is accounted: a
 * call that throws is not recorded (its end is never registered).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { toPortalClock } from '../portal-time';
import { methodCost } from './cost-model';
import type { AuthContext, MethodResult } from './method-types';
import { BASKET_LIFETIME_MS, operatingEntity } from './operating-budget';
import { RestError } from './rest-error';
import type { RestRuntime } from './rest-runtime';
import type { OperatingView } from './time-block';

/**
 * The request ran past the request time limit (limits.md: "If processing takes longer, the
 * request is interrupted by timeout"). What was done before the cut stays done; the client gets
 * no result (portal/rest/handle-rest-request.ts answers 504 with a proxy's page).
 */
export class RequestTimeLimitExceeded extends Error {
  constructor(readonly limitSeconds: number) {
    super(`The request passed the ${limitSeconds} s request time limit and was cut off`);
  }
}

/** The 429 a blocked method gets (text of the portal code, `CRestServer::processCall`). */
export function operationTimeLimitError(): RestError {
  return new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429);
}

/** Timing of one HTTP request, in machine milliseconds, and what its calls met. */
export interface RequestTiming {
  arrivedAtMs: number;
  /** The machine moment the request time limit is reached. */
  deadlineMs: number;
  /** Calls of this request refused by the operating limit so far (for the request log). */
  operationTimeLimited: number;
}

/** The timing of a request that arrived at `arrivedAtMs`, under the runtime's limit and scale. */
export function requestTiming(runtime: RestRuntime, arrivedAtMs: number): RequestTiming {
  const { timeline, current } = runtime.config;
  return {
    arrivedAtMs,
    deadlineMs: arrivedAtMs + timeline.machineMsFor(current.requestTimeLimitSeconds),
    operationTimeLimited: 0,
  };
}

/** One call as it ran: what it returned and when, in machine milliseconds. */
export interface CostedCall {
  result: MethodResult;
  startedAtMs: number;
  finishedAtMs: number;
  /** `operating` / `operating_reset_at` for its time block; null when the limiter is off. */
  operating: OperatingView | null;
}

/** Waits until the machine clock reads `machineMs` or later (timers may fire a little early). */
async function sleepUntil(machineMs: number): Promise<void> {
  for (let wait = machineMs - Date.now(); wait > 0; wait = machineMs - Date.now()) await sleep(Math.ceil(wait));
}

/**
 * Runs `invoke` (the method itself) for `method` as the portal would, see the file comment.
 * Throws RestError OPERATION_TIME_LIMIT (429) when the method is blocked for this caller, the
 * method's own RestError, or RequestTimeLimitExceeded once the request's deadline has passed
 * (after the method's write, if any, happened).
 */
export async function runCostedCall(
  runtime: RestRuntime,
  auth: Pick<AuthContext, 'kind' | 'userId'>,
  timing: RequestTiming,
  method: string,
  invoke: () => Promise<MethodResult>,
): Promise<CostedCall> {
  const name = method.trim().toLowerCase();
  const { timeline, current } = runtime.config;
  const limit = current.operatingLimitSeconds;
  const entity = operatingEntity(auth);
  // limits.md: the outer batch is not accounted; its commands are, each by its own method.
  const accounted = limit !== null && name !== 'batch';
  if (accounted && runtime.operating.isBlocked(entity, name, timeline.portalMs(), limit)) {
    timing.operationTimeLimited += 1;
    throw operationTimeLimitError();
  }

  const startedAtMs = Date.now();
  const startedAtPortalMs = timeline.portalMs(startedAtMs);
  const result = await invoke();
  const cost = methodCost(runtime.config.costs, name, result.result, result.total ?? 0);
  const costEndsAtMs = startedAtMs + timeline.machineMsFor(cost);
  if (costEndsAtMs > timing.deadlineMs || Date.now() > timing.deadlineMs) {
    // The work is done (the write stays); the portal stops at the limit and sends no result.
    await sleepUntil(timing.deadlineMs);
    if (accounted)
      runtime.operating.record(
        entity,
        name,
        startedAtPortalMs,
        timeline.portalSecondsFor(Math.max(0, timing.deadlineMs - startedAtMs)),
      );
    throw new RequestTimeLimitExceeded(current.requestTimeLimitSeconds);
  }
  await sleepUntil(costEndsAtMs);
  const finishedAtMs = Date.now();
  if (accounted)
    runtime.operating.record(entity, name, startedAtPortalMs, timeline.portalSecondsFor(finishedAtMs - startedAtMs));

  let operating: OperatingView | null = null;
  if (limit !== null) {
    if (accounted) {
      const state = runtime.operating.state(entity, name, timeline.portalMs(finishedAtMs));
      operating = {
        operatingSeconds: state.operatingSeconds,
        resetAtSeconds:
          state.resetAtMs === null ? null : Math.floor(toPortalClock(timeline.machineMsAt(state.resetAtMs)) / 1000),
      };
    } else {
      // The portal code prints the outer batch's own (empty) account: 0, reset ten minutes after it began.
      operating = {
        operatingSeconds: 0,
        resetAtSeconds: Math.floor(toPortalClock(timeline.machineMsAt(startedAtPortalMs + BASKET_LIFETIME_MS)) / 1000),
      };
    }
  }
  return { result, startedAtMs, finishedAtMs, operating };
}
