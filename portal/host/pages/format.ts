/** Text formatting for the portal's pages. Dates are shown in the portal's own time zone, as stored. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-10-28T12:15:00+03:00` → `28 Oct 2026, 12:15` (the wall-clock time the portal stored). */
export function formatPortalDateTime(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hours, minutes] = match;
  const date = `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
  return hours === undefined ? date : `${date}, ${hours}:${minutes}`;
}
