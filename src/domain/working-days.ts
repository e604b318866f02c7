/** Saturday and Sunday: the default weekend of a Bitrix24 portal's work schedule. */
export const DEFAULT_WEEKEND: readonly number[] = [0, 6];

/**
 * The date `workingDays` working days after `from` (weekends skipped), at `hour`:00 local
 * time. A start on a weekend counts like the Friday before it; zero days lands on a working day.
 */
export function addWorkingDays(from: Date, workingDays: number, hour = 18, weekend: readonly number[] = DEFAULT_WEEKEND): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError('workingDays must be a non-negative integer');
  if (weekend.length >= 7) throw new RangeError('a week needs at least one working day');
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate(), hour, 0, 0, 0);
  let remaining = workingDays;
  while (remaining > 0 || weekend.includes(date.getDay())) {
    date.setDate(date.getDate() + 1);
    if (!weekend.includes(date.getDay())) remaining -= 1;
  }
  return date;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** ISO-8601 with the local offset, as Bitrix24 writes date-times: 2025-01-20T18:00:00+02:00. */
export function toPortalDateTime(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}

/** Value for <input type="datetime-local">: 2025-01-20T18:00 (local). */
export function toDateTimeLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Parses <input type="datetime-local"> text as local time; null when empty or invalid. */
export function fromDateTimeLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, 0, 0);
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}
