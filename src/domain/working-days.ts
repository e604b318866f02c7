/**
 * Working days and the date-time text Bitrix24 reads and writes, in the USER's Bitrix24 zone
 * (src/domain/time-zone.ts), never the browser's: a user in Vladivostok on a computer set to
 * Berlin gets "in 3 working days at 18:00" at 18:00 Vladivostok time.
 */
import { browserZone, instantOf, isoWithOffset, wallClock, type ZoneName } from './time-zone';

/** Saturday and Sunday: the default weekend of a Bitrix24 portal's work schedule. */
export const DEFAULT_WEEKEND: readonly number[] = [0, 6];

export interface WorkingDayOptions {
  /** The zone whose calendar and clock count (the user's Bitrix24 zone). Default: the browser's — pass it. */
  timeZone?: ZoneName;
  /** Hour of the day (0–23) the result lands on, in `timeZone`. Default 18. */
  hour?: number;
  /** Days off, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday. */
  weekend?: readonly number[];
}

const DAY_MS = 86_400_000;

/**
 * The instant `workingDays` working days after `from` (weekends skipped), at `hour`:00 on the
 * clock of `timeZone`. A start on a weekend counts like the Friday before it; zero days lands
 * on a working day. Throws RangeError for a negative or fractional count or a week of weekends.
 */
export function addWorkingDays(from: Date, workingDays: number, options: WorkingDayOptions = {}): Date {
  const { timeZone = browserZone(), hour = 18, weekend = DEFAULT_WEEKEND } = options;
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError('workingDays must be a non-negative integer');
  if (weekend.length >= 7) throw new RangeError('a week needs at least one working day');
  const start = wallClock(from.getTime(), timeZone);
  // Count on a zone-free calendar (UTC days), then read the day back on the zone's clock.
  let day = Date.UTC(start.year, start.month - 1, start.day);
  let remaining = workingDays;
  while (remaining > 0 || weekend.includes(new Date(day).getUTCDay())) {
    day += DAY_MS;
    if (!weekend.includes(new Date(day).getUTCDay())) remaining -= 1;
  }
  const target = new Date(day);
  return new Date(
    instantOf(
      { year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: target.getUTCDate(), hour, minute: 0 },
      timeZone,
    ),
  );
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * ISO-8601 with an explicit offset, as Bitrix24 writes date-times: `2025-01-20T18:00:00+03:00`.
 * Pass the PORTAL's offset in minutes east of UTC (`boundary.portalUtcOffsetMinutes()`), so the
 * portal reads its own time; without it the browser's offset is written (the same instant).
 */
export function toPortalDateTime(date: Date, utcOffsetMinutes?: number | null): string {
  const offset =
    typeof utcOffsetMinutes === 'number' && Number.isFinite(utcOffsetMinutes)
      ? utcOffsetMinutes
      : -date.getTimezoneOffset();
  return isoWithOffset(date.getTime(), offset);
}

/** Value for <input type="datetime-local">: `2025-01-20T18:00`, on the clock of `timeZone` (the user's Bitrix24 zone). */
export function toDateTimeLocalInput(date: Date, timeZone: ZoneName = browserZone()): string {
  const clock = wallClock(date.getTime(), timeZone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/**
 * Parses <input type="datetime-local"> text as a time on the clock of `timeZone` (the user's
 * Bitrix24 zone); null when empty or not a real date (30 February).
 */
export function fromDateTimeLocalInput(value: string, timeZone: ZoneName = browserZone()): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return new Date(instantOf({ year, month, day, hour, minute }, timeZone));
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on, on the clock of `timeZone`: for "today" and "overdue". */
export function calendarDayIn(ms: number, timeZone: ZoneName): string {
  const clock = wallClock(ms, timeZone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}
