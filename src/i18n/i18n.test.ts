import { describe, expect, it } from 'vitest';
// eslint-disable-next-line import-x/no-restricted-paths -- this test reads every catalog of the app, the shell's too
import { appMessages } from '../app/messages';
import { linkedTaskMessages } from '../features/create-linked-task/messages';
import { appPageMessages } from '../surfaces/app-page/messages';
import { bulkMessages } from '../surfaces/bulk/messages';
import { detailTabMessages } from '../surfaces/detail-tab/messages';
import { quickCreateMessages } from '../surfaces/quick-create/messages';
import { createFormatters } from './format';
import { intlLocaleFor, uiLanguageFor, validTimeZone } from './languages';
import { plural } from './plural';
import { errorMessages } from './error-messages';
import { commonMessages } from './common-messages';

describe('languages', () => {
  it('speaks the portal’s language when it can, English otherwise', () => {
    expect(uiLanguageFor('ru')).toBe('ru');
    expect(uiLanguageFor('DE')).toBe('de');
    expect(uiLanguageFor('la')).toBe('en');
    expect(uiLanguageFor(undefined)).toBe('en');
  });

  it('maps Bitrix24 language codes to Intl locales', () => {
    expect(intlLocaleFor('ru')).toBe('ru-RU');
    expect(intlLocaleFor('la')).toBe('es');
    expect(intlLocaleFor('br')).toBe('pt-BR');
    expect(intlLocaleFor('ua')).toBe('uk');
    expect(intlLocaleFor('')).toBe('en-US');
    expect(intlLocaleFor('not a tag!')).toBe('en-US');
  });

  it('accepts only real time zones', () => {
    expect(validTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(validTimeZone('Mars/Olympus')).toBeUndefined();
    expect(validTimeZone('')).toBeUndefined();
  });
});

describe('formatters', () => {
  it('formats money, numbers and dates in the locale', () => {
    const en = createFormatters('en-US', 'UTC');
    expect(en.money(3400, 'EUR')).toBe('€3,400.00');
    expect(en.number(85.5)).toBe('85.5');
    // Intl separates with no-break spaces.
    expect(createFormatters('de-DE', 'UTC').money(3400, 'EUR').replace(/\s/g, ' ')).toBe('3.400,00 €');
    expect(createFormatters('ru-RU', 'UTC').number(1234.5).replace(/\s/g, ' ')).toBe('1 234,5');
  });

  it('shows a CRM date as its calendar day whatever the time zone', () => {
    expect(createFormatters('en-US', 'America/Los_Angeles').date('2026-11-28T00:00:00+03:00')).toBe('Nov 28, 2026');
  });

  it('shows an instant in the user’s time zone', () => {
    expect(createFormatters('en-US', 'Europe/Moscow').dateTime('2026-11-30T10:00:00+03:00')).toBe(
      'Nov 30, 2026, 10:00 AM',
    );
    expect(createFormatters('en-US', 'UTC').dateTime('2026-11-30T10:00:00+03:00')).toBe('Nov 30, 2026, 7:00 AM');
  });

  it('shows an instant in the portal’s zone when the profile names none (a fixed offset)', () => {
    const format = createFormatters('en-US', '+10:00');
    expect(format.timeZone).toBe('+10:00');
    expect(format.dateTime('2026-12-03T11:00:00+03:00')).toBe('Dec 3, 2026, 6:00 PM');
    expect(createFormatters('en-US', '-05:30').dateTime('2026-12-03T08:00:00Z')).toBe('Dec 3, 2026, 2:30 AM');
  });

  it('keeps a currency the browser does not know readable', () => {
    expect(createFormatters('en-US').money(10, 'BONUS')).toBe('10 BONUS');
  });
});

describe('plural', () => {
  it('uses Russian plural forms', () => {
    const forms = { one: 'задача', few: 'задачи', many: 'задач', other: 'задачи' };
    expect([1, 3, 5, 21].map((count) => plural('ru-RU', count, forms))).toEqual([
      'задача',
      'задачи',
      'задач',
      'задача',
    ]);
  });
});

describe('catalogs', () => {
  const catalogs = {
    detailTabMessages,
    quickCreateMessages,
    bulkMessages,
    appPageMessages,
    linkedTaskMessages,
    appMessages,
    errorMessages,
    commonMessages,
  };
  it.each(Object.entries(catalogs))('%s has every key in every language, none empty', (_name, catalog) => {
    const keys = Object.keys(catalog.en).sort();
    for (const language of ['ru', 'de'] as const) {
      expect(Object.keys(catalog[language]).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(catalog[language])) {
        if (typeof value === 'string') expect(value.trim(), `${language}.${key}`).not.toBe('');
      }
    }
  });

  it('names task counts in Russian', () => {
    expect(detailTabMessages.ru.tasksCount(5, 'ru-RU')).toBe('5 задач');
    expect(detailTabMessages.ru.tasksCount(2, 'ru-RU')).toBe('2 задачи');
    expect(detailTabMessages.en.tasksCount(1, 'en-US')).toBe('1 task');
  });
});
