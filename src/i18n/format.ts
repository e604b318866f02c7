/**
 * Locale-aware formatting through Intl: dates, times, numbers, money. One instance per
 * locale/time zone, created by the I18nProvider. Instants are shown in the user's Bitrix24 zone
 * (an IANA name or the portal's fixed offset, src/domain/time-zone.ts), never silently in the
 * browser's.
 */
import { browserZone, fixedOffsetMinutes, isKnownZone, type ZoneName } from '../domain/time-zone';

export interface Formatters {
  readonly locale: string;
  /** The zone instants are shown and entered in: the user's Bitrix24 zone (always set). */
  readonly timeZone: ZoneName;
  /** A calendar date (`2025-01-20`), shown as that day whatever the time zone. */
  date(isoDate: string): string;
  /** An instant, shown in the user's time zone. */
  dateTime(instant: string | Date): string;
  number(value: number): string;
  money(amount: number, currency: string): string;
  /** Joins a list the way the locale does ("A, B and C"). */
  list(items: string[]): string;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function asDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Formatters for a locale and a zone (IANA or `±HH:MM`); an unknown or missing zone falls back
 * to the browser's, which is right only before the portal has said which zone the user is in.
 */
export function createFormatters(locale: string, timeZone?: string | null): Formatters {
  const zone = isKnownZone(timeZone) ? timeZone.trim() : browserZone();
  // Intl takes IANA names only (offset names are newer than some engines): a fixed offset is
  // applied to the instant, which is then formatted as UTC.
  const fixedOffset = fixedOffsetMinutes(zone);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: fixedOffset === null ? zone : 'UTC',
  });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  return {
    locale,
    timeZone: zone,
    date(isoDate) {
      // A CRM date is a day, not an instant: take its calendar part literally.
      const match = CALENDAR_DATE.exec(isoDate);
      if (match) return dateFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      const date = asDate(isoDate);
      return date ? dateFormat.format(date) : isoDate;
    },
    dateTime(instant) {
      const date = asDate(instant);
      if (!date) return String(instant);
      return dateTimeFormat.format(fixedOffset === null ? date : new Date(date.getTime() + fixedOffset * 60_000));
    },
    number(value) {
      return numberFormat.format(value);
    },
    money(amount, currency) {
      const code = currency.trim().toUpperCase();
      let format = moneyFormats.get(code);
      if (!format) {
        try {
          format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
        } catch {
          // Not an ISO currency code: number plus the code as the portal names it.
          return `${numberFormat.format(amount)} ${currency}`;
        }
        moneyFormats.set(code, format);
      }
      return format.format(amount);
    },
    list(items) {
      return listFormat.format(items);
    },
  };
}
