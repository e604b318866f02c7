/** Dates and times are entered in the portal language's format, not the browser's (issue 9.8). */
import { describe, expect, it } from 'vitest';
import { dateTimeInputFormat } from './date-time-input';
import { formatCount } from './plural';

describe('date-time entry in the portal language', () => {
  it('shows and reads Russian and German as DD.MM.YYYY, hh:mm', () => {
    for (const locale of ['ru-RU', 'de-DE']) {
      const format = dateTimeInputFormat(locale);
      expect(format.format('2026-12-04T18:05')).toBe('04.12.2026, 18:05');
      expect(format.parse('04.12.2026, 18:05')).toBe('2026-12-04T18:05');
      expect(format.parse(' 4.12.2026 9:30 ')).toBe('2026-12-04T09:30');
    }
    expect(dateTimeInputFormat('ru-RU').pattern).toBe('ДД.ММ.ГГГГ, чч:мм');
    expect(dateTimeInputFormat('de-DE').pattern).toBe('TT.MM.JJJJ, hh:mm');
  });

  it('shows and reads English with its month first and AM/PM', () => {
    const format = dateTimeInputFormat('en-US');
    expect(format.format('2026-12-04T18:05')).toBe('12/04/2026, 06:05 PM');
    expect(format.parse('12/04/2026, 06:05 PM')).toBe('2026-12-04T18:05');
    expect(format.parse('12/4/2026 12:15 am')).toBe('2026-12-04T00:15');
    expect(format.pattern).toBe('MM/DD/YYYY, hh:mm AM');
  });

  it('refuses what is no real date or time, and reads blank as none', () => {
    const format = dateTimeInputFormat('de-DE');
    expect(format.parse('31.02.2026, 10:00')).toBeNull();
    expect(format.parse('04.12.2026, 25:00')).toBeNull();
    expect(format.parse('2026-12-04T18:05')).toBeNull();
    expect(format.parse('   ')).toBe('');
  });
});

describe('counts in messages', () => {
  it('are written as each language writes numbers', () => {
    expect(formatCount('en-US', 1240)).toBe('1,240');
    expect(formatCount('ru-RU', 1240)).toBe('1\u00a0240');
    expect(formatCount('de-DE', 1240)).toBe('1.240');
  });
});
