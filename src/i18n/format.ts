/**
 * Locale-aware formatting through Intl: dates, times, numbers, money. One instance per
 * locale/time zone, created by the I18nProvider.
 */

export interface Formatters {
  readonly locale: string;
  readonly timeZone: string | undefined;
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

export function createFormatters(locale: string, timeZone?: string): Formatters {
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  return {
    locale,
    timeZone,
    date(isoDate) {
      // A CRM date is a day, not an instant: take its calendar part literally.
      const match = CALENDAR_DATE.exec(isoDate);
      if (match) return dateFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      const date = asDate(isoDate);
      return date ? dateFormat.format(date) : isoDate;
    },
    dateTime(instant) {
      const date = asDate(instant);
      return date ? dateTimeFormat.format(date) : String(instant);
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
