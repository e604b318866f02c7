/**
 * The portal's clock and time zone — the one place every part of the emulator asks "what time is
 * it on the portal" and "in which zone does the portal print dates".
 *
 * - **Portal now** (`portalNow()`): the machine's clock moved by the configured clock offset
 *   (`--clock-offset SECONDS`, `POST /_emulator/config {clockOffsetSeconds}`), so a browser whose
 *   clock disagrees with the portal's can be tested. Everything the portal stamps — the `time`
 *   block's `start`/`finish`/`date_*`, `server.time`, created/changed dates, `operating_reset_at` —
 *   reads this clock. It is never accelerated: a time scale (`--time-scale K`) shortens amounts of
 *   portal work, not the clock (see portal/rest/time-scale.ts).
 * - **Portal zone** (`portalTimeZone()`): an IANA zone name (default `Europe/Moscow`, UTC+03:00
 *   without daylight saving, the zone of the docs' examples). Bitrix24 prints dates with PHP
 *   `date('c')` in the server's zone; users may have their own zone (user.get `TIME_ZONE`, empty
 *   meaning the portal's), formatted with `formatDateTimeInZone`.
 *
 * The settings are bound once per process by `bindPortalClock` (portal/server.ts does it for the
 * portal it starts; the seed generator runs with the defaults). Two portals started in one process
 * share the clock of the one bound last.
 */

/** The clock settings a running portal reads (its live configuration object). */
export interface PortalClockSettings {
  /** Seconds the portal's clock is ahead of the machine's (negative: behind). */
  clockOffsetSeconds: number;
  /** IANA time zone of the portal server, e.g. `Europe/Moscow`, `UTC`, `America/New_York`. */
  timeZone: string;
}

/** The zone of the docs' examples and of the seed: UTC+03:00 all year. */
export const DEFAULT_PORTAL_TIME_ZONE = 'Europe/Moscow';

/**
 * The default zone's offset in minutes (UTC+03:00). Kept for the seed generator; code that prints
 * or parses live dates uses `portalUtcOffsetMinutes()`, which follows the configured zone.
 */
export const PORTAL_UTC_OFFSET_MINUTES = 180;

const DAY_MS = 86_400_000;
const DEFAULT_SETTINGS: PortalClockSettings = Object.freeze({
  clockOffsetSeconds: 0,
  timeZone: DEFAULT_PORTAL_TIME_ZONE,
});

let bound: PortalClockSettings = DEFAULT_SETTINGS;

/**
 * Makes `settings` the portal clock of this process. The object is read live, so changing its
 * fields (the control API does) takes effect at once. Returns a function that unbinds it again
 * (back to the defaults) if it is still the bound one.
 */
export function bindPortalClock(settings: PortalClockSettings): () => void {
  bound = settings;
  return () => {
    if (bound === settings) bound = DEFAULT_SETTINGS;
  };
}

/** The portal's clock reading for a moment of the machine's clock, in milliseconds. */
export function toPortalClock(machineMs: number): number {
  return machineMs + bound.clockOffsetSeconds * 1000;
}

/** The machine's clock reading for a moment of the portal's clock, in milliseconds. */
export function fromPortalClock(portalMs: number): number {
  return portalMs - bound.clockOffsetSeconds * 1000;
}

/** Now on the portal's clock, in milliseconds since the epoch (machine clock + offset). */
export function portalNow(): number {
  return toPortalClock(Date.now());
}

/** The portal server's IANA time zone. */
export function portalTimeZone(): string {
  return bound.timeZone;
}

/** True when `zone` is an IANA zone name this runtime knows (`Europe/Berlin`, `UTC`…). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
// Zone transitions fall on whole quarter hours of UTC, so an offset holds for its quarter hour.
const QUARTER_HOUR_MS = 900_000;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Offset of `zone` from UTC at the moment `ms`, in minutes (east positive: Europe/Moscow 180,
 * America/New_York −300 or −240). Throws RangeError for an unknown zone.
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${zone}|${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(quarter * QUARTER_HOUR_MS))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = Math.round((asUtc - quarter * QUARTER_HOUR_MS) / 60_000);
  if (offsetCache.size > 20_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The portal zone's offset from UTC at `ms` (default: now on the portal), in minutes. */
export function portalUtcOffsetMinutes(ms: number = portalNow()): number {
  return zoneOffsetMinutes(bound.timeZone, ms);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** `2026-11-16T09:30:00+03:00` for a moment in `zone`, as PHP `date('c')` prints it there. */
export function formatDateTimeInZone(ms: number, zone: string): string {
  const offset = zoneOffsetMinutes(zone, ms);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${offsetText(offset)}`
  );
}

/** `2026-11-16T09:30:00+03:00` for a moment in time, in the portal's zone. */
export function formatPortalDateTime(ms: number): string {
  return formatDateTimeInZone(ms, bound.timeZone);
}

/** Midnight of the portal day that contains `ms`, as the portal prints date-only fields. */
export function formatPortalDate(ms: number): string {
  return formatPortalDateTime(startOfPortalDay(ms));
}

/** The moment the day containing `ms` began in `zone`, in milliseconds. */
export function startOfDayInZone(ms: number, zone: string): number {
  const offset = zoneOffsetMinutes(zone, ms) * 60_000;
  const localMidnight = Math.floor((ms + offset) / DAY_MS) * DAY_MS;
  // The offset at midnight may differ from the one at `ms` (a daylight saving change that day).
  return localMidnight - zoneOffsetMinutes(zone, localMidnight - offset) * 60_000;
}

export function startOfPortalDay(ms: number): number {
  return startOfDayInZone(ms, bound.timeZone);
}

/** `YYYY-MM-DD` of the portal day containing `ms`. */
export function portalDayString(ms: number): string {
  return formatPortalDateTime(ms).slice(0, 10);
}

/** The moment a wall-clock time written without offset means in `zone`, in milliseconds. */
export function wallTimeInZone(wallAsUtcMs: number, zone: string): number {
  const guess = wallAsUtcMs - zoneOffsetMinutes(zone, wallAsUtcMs) * 60_000;
  return wallAsUtcMs - zoneOffsetMinutes(zone, guess) * 60_000;
}

/**
 * Parses what clients send as a date: ISO with or without offset, `YYYY-MM-DD`, or
 * `DD.MM.YYYY[ HH:MM[:SS]]` (the portal's site format). Strings without an offset are read in
 * `zone` (default: the portal's). Returns milliseconds or null when the text is not a date.
 * A number is read as Unix seconds.
 */
export function parseDateInZone(value: unknown, zone: string): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const russian = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (russian) {
    const [, day, month, year, hours = '00', minutes = '00', seconds = '00'] = russian;
    return parseDateInZone(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}`, zone);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (!iso) return null;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', offset] = iso;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds));
  if (Number.isNaN(utc)) return null;
  if (offset === undefined) return wallTimeInZone(utc, zone);
  if (offset === 'Z') return utc;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return utc - sign * offsetMinutes * 60_000;
}

/** `parseDateInZone` in the portal's zone. */
export function parsePortalDate(value: unknown): number | null {
  return parseDateInZone(value, bound.timeZone);
}

/** Shifts an ISO date string by whole days, keeping its printed form. */
export function shiftPortalDate(iso: string, days: number): string {
  const ms = parsePortalDate(iso);
  if (ms === null || days === 0) return iso;
  return formatPortalDateTime(ms + days * DAY_MS);
}

export function daysBetween(fromDay: string, toDay: string): number {
  const from = parsePortalDate(fromDay);
  const to = parsePortalDate(toDay);
  if (from === null || to === null) return 0;
  return Math.round((to - from) / DAY_MS);
}
