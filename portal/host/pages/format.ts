/**
 * Text formatting for the portal's pages. A moment (a date-time with its offset) is shown in the
 * viewing user's zone, as Bitrix24 shows dates in each user's own time; a date without a time is
 * a calendar day and is shown as it is.
 */
import { formatDateTimeInZone, parsePortalDate } from '../../portal-time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-10-28T12:15:00+03:00` → `28 Oct 2026, 12:15`: the wall-clock time as written. */
export function formatPortalDateTime(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hours, minutes] = match;
  const date = `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
  return hours === undefined ? date : `${date}, ${hours}:${minutes}`;
}

/**
 * A stored moment as the viewer reads it: `2026-12-04T18:00:00+03:00` seen from Asia/Vladivostok
 * (UTC+10) → `5 Dec 2026, 01:00`. `zone` is an IANA zone name. Dates without a time, and text
 * that is no date, are shown as `formatPortalDateTime` shows them.
 */
export function formatMomentInZone(iso: string, zone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(iso)) return formatPortalDateTime(iso);
  const ms = parsePortalDate(iso);
  return ms === null ? iso : formatPortalDateTime(formatDateTimeInZone(ms, zone));
}
