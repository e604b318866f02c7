/**
 * The portal's clock. Bitrix24 formats dates with PHP `date('c')` in the portal's time zone; the
 * emulator uses one fixed offset (UTC+03:00, a zone without daylight saving) so that every
 * date it prints is stable and comparable.
 */

export const PORTAL_UTC_OFFSET_MINUTES = 180;
const OFFSET_TEXT = '+03:00';
const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `2026-11-16T09:30:00+03:00` for a moment in time. */
export function formatPortalDateTime(ms: number): string {
  const local = new Date(ms + PORTAL_UTC_OFFSET_MINUTES * 60_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${OFFSET_TEXT}`
  );
}

/** Midnight of the portal day that contains `ms`, as the portal prints date-only fields. */
export function formatPortalDate(ms: number): string {
  return formatPortalDateTime(startOfPortalDay(ms));
}

export function startOfPortalDay(ms: number): number {
  const offset = PORTAL_UTC_OFFSET_MINUTES * 60_000;
  return Math.floor((ms + offset) / DAY_MS) * DAY_MS - offset;
}

/** `YYYY-MM-DD` of the portal day containing `ms`. */
export function portalDayString(ms: number): string {
  return formatPortalDateTime(ms).slice(0, 10);
}

/**
 * Parses what clients send as a date: ISO with or without offset, `YYYY-MM-DD`, or
 * `DD.MM.YYYY[ HH:MM[:SS]]` (the portal's site format). Strings without an offset are read in the
 * portal's zone. Returns milliseconds or null when the text is not a date.
 */
export function parsePortalDate(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const russian = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (russian) {
    const [, day, month, year, hours = '00', minutes = '00', seconds = '00'] = russian;
    return parsePortalDate(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}`);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!iso) return null;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', zone] = iso;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds));
  if (Number.isNaN(utc)) return null;
  if (zone === undefined) return utc - PORTAL_UTC_OFFSET_MINUTES * 60_000;
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return utc - sign * offsetMinutes * 60_000;
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
