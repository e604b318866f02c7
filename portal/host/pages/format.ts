/** Text formatting for the portal's pages. Dates are shown in the portal's own time zone, as stored. */
import { escapeHtml, SafeHtml } from '../html';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-10-28T12:15:00+03:00` → `28 Oct 2026, 12:15` (the wall-clock time the portal stored). */
export function formatPortalDateTime(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hours, minutes] = match;
  const date = `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
  return hours === undefined ? date : `${date}, ${hours}:${minutes}`;
}

/**
 * Task descriptions are BB code. The text is escaped first; only balanced [B], [I], [U] and [S]
 * pairs then become markup, so nothing the author wrote can turn into other HTML.
 */
export function renderBbCode(text: string): SafeHtml {
  let markup = escapeHtml(text);
  const pair = /\[(b|i|u|s)\]([\s\S]*?)\[\/\1\]/gi;
  let previous = '';
  while (previous !== markup) {
    previous = markup;
    markup = markup.replace(pair, (_whole, tag: string, inner: string) => `<${tag.toLowerCase()}>${inner}</${tag.toLowerCase()}>`);
  }
  return new SafeHtml(markup);
}
