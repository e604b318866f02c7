/**
 * Date-time entry in the portal language's own format. Native `<input type="datetime-local">`
 * shows the BROWSER's format (US "12/04/2026, 06:00 PM" next to Russian or German text), and no
 * attribute changes that, so the app uses a text input whose format comes from Intl for the
 * portal's locale ("04.12.2026, 18:00" in ru and de) and is parsed back by the same parts.
 * Values cross this module as the wall-clock text of datetime-local (`YYYY-MM-DDTHH:MM`), so the
 * zone handling stays in src/domain/working-days.ts (the user's Bitrix24 zone).
 */

type PartName = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'dayPeriod';

interface Part {
  type: PartName | 'literal';
  value: string;
}

/** How a language names the fields in the format hint (DD.MM.YYYY hh:mm and its translations). */
const FIELD_LETTERS: Record<string, Record<Exclude<PartName, 'dayPeriod'>, string>> = {
  en: { year: 'YYYY', month: 'MM', day: 'DD', hour: 'hh', minute: 'mm' },
  ru: { year: 'ГГГГ', month: 'ММ', day: 'ДД', hour: 'чч', minute: 'мм' },
  de: { year: 'JJJJ', month: 'MM', day: 'TT', hour: 'hh', minute: 'mm' },
};

/** A locale's date-time entry format. */
export interface DateTimeInputFormat {
  /** The format spelled out for a hint, e.g. "ДД.ММ.ГГГГ, чч:мм" or "MM/DD/YYYY, hh:mm AM". */
  readonly pattern: string;
  /** `YYYY-MM-DDTHH:MM` → the locale's text; '' for ''; other text is returned as it is. */
  format(wallClock: string): string;
  /**
   * The locale's text → `YYYY-MM-DDTHH:MM`; '' for blank text; null when it cannot be read or
   * is no real date or time (31.02., 25:00). Any whitespace and an omitted comma are accepted.
   */
  parse(text: string): string | null;
}

const cache = new Map<string, DateTimeInputFormat>();

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The entry format of a locale (`ru-RU`, `de-DE`, `en-US`), built once per locale. */
export function dateTimeInputFormat(locale: string): DateTimeInputFormat {
  const cached = cache.get(locale);
  if (cached) return cached;
  const intl = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const parts = intl
    .formatToParts(Date.UTC(2026, 11, 4, 18, 5))
    .map((part) => ({ type: part.type, value: part.value }) as Part);
  const twelveHour = parts.some((part) => part.type === 'dayPeriod');
  const periods = twelveHour
    ? {
        am: intl.formatToParts(Date.UTC(2026, 0, 1, 9)).find((part) => part.type === 'dayPeriod')?.value ?? 'AM',
        pm: intl.formatToParts(Date.UTC(2026, 0, 1, 21)).find((part) => part.type === 'dayPeriod')?.value ?? 'PM',
      }
    : null;
  const letters = FIELD_LETTERS[locale.slice(0, 2).toLowerCase()] ?? FIELD_LETTERS.en!;
  const order: PartName[] = [];
  let source = '^\\s*';
  let pattern = '';
  for (const part of parts) {
    if (part.type === 'literal') {
      // Spaces of any kind (Intl uses no-break ones), and a comma the user may leave out.
      source += escape(part.value.trim()).replace(/,/g, ',?') + '\\s*';
      pattern += part.value.replace(/\s/g, ' ');
    } else if (part.type === 'dayPeriod') {
      order.push('dayPeriod');
      source += `(${escape(periods!.am)}|${escape(periods!.pm)})\\s*`;
      pattern += periods!.am;
    } else if (part.type in letters) {
      order.push(part.type);
      source += part.type === 'year' ? '(\\d{4})\\s*' : '(\\d{1,2})\\s*';
      pattern += letters[part.type as Exclude<PartName, 'dayPeriod'>];
    }
  }
  const reader = new RegExp(`${source}$`, 'i');

  const result: DateTimeInputFormat = {
    pattern,
    format(wallClock) {
      const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallClock);
      if (!match) return wallClock;
      const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
      return intl.format(Date.UTC(year, month - 1, day, hour, minute)).replace(/\s/g, ' ');
    },
    parse(text) {
      if (text.trim() === '') return '';
      const match = reader.exec(text.replace(/\s/g, ' '));
      if (!match) return null;
      const values: Partial<Record<PartName, string>> = {};
      order.forEach((name, index) => (values[name] = match[index + 1]));
      const year = Number(values.year);
      const month = Number(values.month);
      const day = Number(values.day);
      let hour = Number(values.hour);
      const minute = Number(values.minute);
      if (periods) {
        if (hour < 1 || hour > 12) return null;
        const pm = values.dayPeriod?.toLowerCase() === periods.pm.toLowerCase();
        hour = (hour % 12) + (pm ? 12 : 0);
      }
      if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
    },
  };
  cache.set(locale, result);
  return result;
}
