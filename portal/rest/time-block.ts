/**
 * The `time` block every success carries (docs api-reference/data-types.md#time, limits.md; the
 * portal code `CRestServer::appendDebugInfo`), and each batch command's entry in `result_time`.
 *
 * - `start`, `finish`: Unix seconds (float) on the portal clock (machine clock + clock offset);
 *   `date_start`, `date_finish`: the same in the portal's zone (PHP `date('c')`).
 * - `duration` (arrival to answer) and `processing` (the method body): portal seconds, i.e.
 *   machine time × the time scale; with scale 1, `duration = finish − start`.
 * - `operating`: the method's accounted time for this app/webhook in the live baskets, including
 *   this call, portal seconds; `operating_reset_at`: Unix seconds (integer) on the portal clock
 *   when the oldest basket drops. Both present while the operating limiter is on (cloud).
 */
import { formatPortalDateTime, toPortalClock } from '../portal-time';
import type { PortalTimeline } from './time-scale';

export interface TimeBlock {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating_reset_at?: number;
  operating?: number;
}

/** The operating keys of one call. */
export interface OperatingView {
  /** `operating`, portal seconds. */
  operatingSeconds: number;
  /** `operating_reset_at`, Unix seconds on the portal clock; null leaves the key out. */
  resetAtSeconds: number | null;
}

/** Moments of one call, machine milliseconds. */
export interface CallMoments {
  /** When the request (or, in a batch, the command) began: `start`. */
  startMs: number;
  /** When the method body began: `processing` counts from here. */
  processingStartMs: number;
  /** When the answer was ready: `finish`. */
  finishMs: number;
}

/** A time block in portal terms, see the file comment. */
export function portalTimeBlock(
  moments: CallMoments,
  timeline: Pick<PortalTimeline, 'portalSecondsFor'>,
  operating: OperatingView | null,
): TimeBlock {
  const startClock = toPortalClock(moments.startMs);
  const finishClock = toPortalClock(moments.finishMs);
  const block: TimeBlock = {
    start: startClock / 1000,
    finish: finishClock / 1000,
    duration: timeline.portalSecondsFor(moments.finishMs - moments.startMs),
    processing: timeline.portalSecondsFor(Math.max(0, moments.finishMs - moments.processingStartMs)),
    date_start: formatPortalDateTime(startClock),
    date_finish: formatPortalDateTime(finishClock),
  };
  if (operating) {
    if (operating.resetAtSeconds !== null) block.operating_reset_at = operating.resetAtSeconds;
    block.operating = operating.operatingSeconds;
  }
  return block;
}

/**
 * A plain block at scale 1 without operating keys (kept for callers that time something
 * themselves); `withOperating` adds the call's own processing as `operating`.
 */
export function timeBlock(
  startMs: number,
  processingStartMs: number,
  finishMs: number,
  withOperating: boolean,
): TimeBlock {
  const block = portalTimeBlock(
    { startMs, processingStartMs, finishMs },
    { portalSecondsFor: (ms) => ms / 1000 },
    null,
  );
  if (withOperating) {
    block.operating_reset_at = Math.floor(block.start) + 600;
    block.operating = block.processing;
  }
  return block;
}
