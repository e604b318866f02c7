/**
 * Time zones without the browser's: every date a user sees or enters is in the user's Bitrix24
 * zone (user.current TIME_ZONE, b24restdocs api-reference/user/user-get.md), the portal's zone
 * when the profile has none. A zone here is an IANA name (`Asia/Vladivostok`) or a fixed
 * offset `±HH:MM` (the portal's, read from the offset its answers carry, when no name is known).
 * Pure functions, no React; all instants are ms since the Unix epoch.
 */

/** An IANA zone name or a fixed UTC offset written `+03:00` / `-05:30`. */
export type ZoneName = string;

/** A wall-clock reading in some zone. `month` 1–12, `weekday` 0 = Sunday … 6 = Saturday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
const MINUTE = 60_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `+03:00` for 180, `-05:30` for -330. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(Math.round(offsetMinutes));
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** Minutes east of UTC of a fixed-offset zone name, or null when the name is not one. */
export function fixedOffsetMinutes(zone: ZoneName): number | null {
  const match = FIXED_OFFSET.exec(zone.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 14 * 60) return null;
  return match[1] === '-' ? -minutes : minutes;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(zone, format);
  }
  return format;
}

/** True for a fixed offset or an IANA name this browser knows. */
export function isKnownZone(zone: string | null | undefined): zone is ZoneName {
  if (!zone || !zone.trim()) return false;
  if (fixedOffsetMinutes(zone) !== null) return true;
  try {
    partsFormat(zone.trim());
    return true;
  } catch {
    return false;
  }
}

/** The browser's own zone: only a last resort, before the portal has said anything. */
export function browserZone(): ZoneName {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || formatUtcOffset(-new Date().getTimezoneOffset());
}

/**
 * The zone dates are shown and entered in: the user's Bitrix24 profile zone when it names one,
 * else the portal's zone (its UTC offset, from its answers' `date_finish`), else — only while
 * the portal has not answered yet — the browser's.
 */
export function resolveUserZone(
  profileZone: string | null | undefined,
  portalUtcOffsetMinutes: number | null | undefined,
): ZoneName {
  if (isKnownZone(profileZone)) return profileZone.trim();
  if (typeof portalUtcOffsetMinutes === 'number' && Number.isFinite(portalUtcOffsetMinutes))
    return formatUtcOffset(portalUtcOffsetMinutes);
  return browserZone();
}

/** Minutes east of UTC that `zone` is at the instant `ms` (daylight saving included). */
export function zoneOffsetMinutes(ms: number, zone: ZoneName): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) return fixed;
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

/** What a clock in `zone` shows at the instant `ms`. */
export function wallClock(ms: number, zone: ZoneName): WallClock {
  const shifted = new Date(ms + zoneOffsetMinutes(ms, zone) * MINUTE);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

/**
 * The instant a clock in `zone` shows this reading (`second` defaults to 0). Two passes settle
 * the zone's offset at that instant; a reading that daylight saving skips or repeats resolves
 * to a neighbouring instant (an hour either way), never fails.
 */
export function instantOf(
  reading: Omit<WallClock, 'weekday' | 'second'> & { second?: number },
  zone: ZoneName,
): number {
  const asUtc = Date.UTC(
    reading.year,
    reading.month - 1,
    reading.day,
    reading.hour,
    reading.minute,
    reading.second ?? 0,
  );
  const first = asUtc - zoneOffsetMinutes(asUtc, zone) * MINUTE;
  return asUtc - zoneOffsetMinutes(first, zone) * MINUTE;
}

/** `2026-12-03T11:00:00+03:00`: the instant written with the given offset, as Bitrix24 writes date-times. */
export function isoWithOffset(ms: number, offsetMinutes: number): string {
  const shifted = new Date(ms + offsetMinutes * MINUTE);
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}${formatUtcOffset(offsetMinutes)}`
  );
}
