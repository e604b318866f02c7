/**
 * Time-of-day entry (a template's "At") in the portal language's own format: 18:00 in de and ru,
 * 6:00 PM in en. Built on the app's date-time entry format (i18n/date-time-input.ts), so the
 * editor reads and writes times exactly as the app's date-time fields do; the browser's
 * `<input type="time">` would show its own (US) format next to German or Russian text.
 */
import { dateTimeInputFormat } from '../../i18n';

/** A locale's time-of-day entry format; values cross it as `HH:MM` (24 h, as playbooks store it). */
export interface TimeOfDayInputFormat {
  /** The format spelled out for a hint, e.g. "чч:мм" or "hh:mm AM". */
  readonly pattern: string;
  /** `HH:MM` → the locale's text; other text is returned as it is. */
  format(timeOfDay: string): string;
  /** The locale's text → `HH:MM`; null when it is blank or no real time (25:00, 13:00 PM). */
  parse(text: string): string | null;
}

/** Any fixed day: only its time part is shown or read. */
const DAY = '2026-12-04';

/** The time-of-day entry format of a locale (`ru-RU`, `de-DE`, `en-US`). */
export function timeOfDayInputFormat(locale: string): TimeOfDayInputFormat {
  const dateTime = dateTimeInputFormat(locale);
  const full = dateTime.format(`${DAY}T00:00`);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const midnight = time.format(Date.UTC(2026, 11, 4, 0, 0)).replace(/\s/g, ' ');
  // The date part of the locale's date-time text ("04.12.2026, "), put before a typed time to read it.
  const datePrefix = full.endsWith(midnight)
    ? full.slice(0, full.length - midnight.length)
    : `${full.split(', ')[0]}, `;
  const separator = dateTime.pattern.lastIndexOf(', ');
  return {
    pattern: separator >= 0 ? dateTime.pattern.slice(separator + 2) : dateTime.pattern,
    format(timeOfDay) {
      return /^\d{2}:\d{2}$/.test(timeOfDay)
        ? dateTime.format(`${DAY}T${timeOfDay}`).slice(datePrefix.length)
        : timeOfDay;
    },
    parse(text) {
      if (text.trim() === '') return null;
      const wallClock = dateTime.parse(`${datePrefix}${text.trim()}`);
      return wallClock ? wallClock.slice(11) : null;
    },
  };
}
