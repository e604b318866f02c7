/**
 * The portal's clock, as the app knows it. Everything the portal decides (created dates, the
 * window in which a write may still land, "overdue", "today") is measured against this, never
 * against the browser's clock, which may be off by hours.
 *
 * Source: every REST answer carries a `time` block (b24restdocs api-reference/data-types.md):
 * `finish` = the moment the portal finished the request, Unix time in seconds (fractional),
 * `date_finish` = the same as ISO 8601 with the portal's offset. The SDK hands it over as
 * `AjaxResult.getData().time` (for batches: each command's `result_time`). The portal's time at
 * the moment an answer arrives is at least `finish`, so each answer is a LOWER bound; the clock
 * keeps the highest bound seen and advances it by the browser's monotonic time
 * (`performance.now()`, which no clock change on the computer moves).
 */

/** The `time` block fields the clock reads (a superset arrives; all optional, untrusted). */
export interface PortalTimeBlock {
  /** Unix time in seconds (fractional) when the portal finished the request. */
  finish?: unknown;
  /** ISO 8601 with offset, e.g. `2026-11-30T13:45:00+03:00`. Seconds only: used when `finish` is missing. */
  date_finish?: unknown;
}

export interface PortalClock {
  /** Milliseconds since the Unix epoch by the portal's clock (the browser's clock until `synced`). */
  now(): number;
  /** Feeds the `time` block of an answer; anything malformed is ignored. */
  observe(time: unknown): void;
  /** True once at least one answer has set the clock. */
  readonly synced: boolean;
  /** The portal's UTC offset in minutes east of UTC, from the last `date_finish`; null before any. */
  readonly utcOffsetMinutes: number | null;
}

/**
 * An answer may travel this long after the portal stamped it (the SDK gives up at 30 s). A new
 * reading lower than the kept estimate by more than this cannot be a late answer: the portal's
 * clock was set back, and the clock follows it.
 */
export const MAX_ANSWER_TRANSIT_MS = 30_000;

/** The portal's finish time of an answer in ms since the epoch, or null when the block has none. */
export function readFinishMs(time: unknown): number | null {
  if (typeof time !== 'object' || time === null) return null;
  const block = time as PortalTimeBlock;
  if (typeof block.finish === 'number' && Number.isFinite(block.finish) && block.finish > 0) return block.finish * 1000;
  if (typeof block.finish === 'string' && /^\d+(\.\d+)?$/.test(block.finish)) return Number(block.finish) * 1000;
  if (typeof block.date_finish === 'string') {
    const parsed = Date.parse(block.date_finish);
    if (Number.isFinite(parsed)) return parsed;
  }
  return null;
}

/** Minutes east of UTC that an ISO 8601 date-time is written in (`+03:00` → 180), or null. */
export function readUtcOffsetMinutes(isoDateTime: unknown): number | null {
  if (typeof isoDateTime !== 'string') return null;
  if (/T[\d:.]+Z$/.test(isoDateTime)) return 0;
  const match = /T[\d:.]+([+-])(\d{2}):?(\d{2})$/.exec(isoDateTime.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Creates a portal clock. `monotonic` (ms, any origin) and `wall` (ms since epoch, the browser's
 * clock, used only before the first answer) are injectable for tests.
 */
export function createPortalClock(
  monotonic: () => number = () => performance.now(),
  wall: () => number = () => Date.now(),
): PortalClock {
  // portal time = monotonic() + offset; null until an answer arrives.
  let offset: number | null = null;
  let utcOffsetMinutes: number | null = null;
  return {
    now() {
      return offset === null ? wall() : monotonic() + offset;
    },
    observe(time) {
      const zone = readUtcOffsetMinutes((time as PortalTimeBlock | null | undefined)?.date_finish);
      if (zone !== null) utcOffsetMinutes = zone;
      const finishMs = readFinishMs(time);
      if (finishMs === null) return;
      const candidate = finishMs - monotonic();
      if (offset === null || candidate > offset || offset - candidate > MAX_ANSWER_TRANSIT_MS) offset = candidate;
    },
    get synced() {
      return offset !== null;
    },
    get utcOffsetMinutes() {
      return utcOffsetMinutes;
    },
  };
}
