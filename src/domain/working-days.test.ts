import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarDayIn,
  fromDateTimeLocalInput,
  toDateTimeLocalInput,
  toPortalDateTime,
} from './working-days';

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    // Thursday 2025-01-16 + 3 working days = Tuesday 2025-01-21
    const deadline = addWorkingDays(new Date(2025, 0, 16, 9, 30), 3);
    expect([deadline.getFullYear(), deadline.getMonth(), deadline.getDate(), deadline.getHours()]).toEqual([
      2025, 0, 21, 18,
    ]);
  });

  it('treats a weekend like the Friday before it', () => {
    expect(addWorkingDays(new Date(2025, 0, 18, 12), 1).getDate()).toBe(20); // Saturday + 1 → Monday
    expect(addWorkingDays(new Date(2025, 0, 17, 12), 1).getDate()).toBe(20); // Friday + 1 → Monday
  });

  it('stays on a working day for zero days', () => {
    expect(addWorkingDays(new Date(2025, 0, 15), 0).getDate()).toBe(15);
    expect(addWorkingDays(new Date(2025, 0, 19), 0).getDate()).toBe(20);
  });
});

describe('date-time text', () => {
  it('writes local time with its offset', () => {
    const text = toPortalDateTime(new Date(2025, 0, 21, 18, 0, 0));
    expect(text).toMatch(/^2025-01-21T18:00:00[+-]\d{2}:\d{2}$/);
  });

  it('round-trips a datetime-local value and rejects impossible dates', () => {
    const date = new Date(2025, 2, 4, 9, 5);
    expect(fromDateTimeLocalInput(toDateTimeLocalInput(date))?.getTime()).toBe(date.getTime());
    expect(fromDateTimeLocalInput('2025-02-30T10:00')).toBeNull();
    expect(fromDateTimeLocalInput('')).toBeNull();
  });
});

describe("in the user's Bitrix24 zone, not the computer's", () => {
  // Monday 30 Nov 2026, 10:00 in Berlin = 09:00 UTC = 19:00 in Vladivostok.
  const mondayMorningInBerlin = new Date(Date.UTC(2026, 10, 30, 9, 0));

  it('puts "in 3 working days at 18:00" at Thursday 18:00 Vladivostok time', () => {
    const deadline = addWorkingDays(mondayMorningInBerlin, 3, { timeZone: 'Asia/Vladivostok' });
    expect(deadline.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(toDateTimeLocalInput(deadline, 'Asia/Vladivostok')).toBe('2026-12-03T18:00');
    // Berlin's Thursday 18:00 would be Friday 03:00 for this user.
    expect(addWorkingDays(mondayMorningInBerlin, 3, { timeZone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-12-03T17:00:00.000Z',
    );
  });

  it("counts the user's calendar day: late Friday in New York is Saturday in Vladivostok", () => {
    const fridayEveningNewYork = new Date(Date.UTC(2026, 11, 5, 1, 0)); // Fri 4 Dec 20:00 New York = Sat 11:00 Vladivostok
    expect(
      toDateTimeLocalInput(
        addWorkingDays(fridayEveningNewYork, 1, { timeZone: 'America/New_York' }),
        'America/New_York',
      ),
    ).toBe('2026-12-07T18:00');
    expect(
      toDateTimeLocalInput(
        addWorkingDays(fridayEveningNewYork, 1, { timeZone: 'Asia/Vladivostok' }),
        'Asia/Vladivostok',
      ),
    ).toBe('2026-12-07T18:00');
    expect(
      toDateTimeLocalInput(
        addWorkingDays(fridayEveningNewYork, 0, { timeZone: 'Asia/Vladivostok' }),
        'Asia/Vladivostok',
      ),
    ).toBe('2026-12-07T18:00');
  });

  it("reads a typed deadline on the user's clock and writes it with the portal's offset", () => {
    const typed = fromDateTimeLocalInput('2026-12-03T18:00', 'Asia/Vladivostok');
    expect(typed?.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(toPortalDateTime(typed!, 180)).toBe('2026-12-03T11:00:00+03:00');
    expect(fromDateTimeLocalInput('2026-12-03T18:00', '+03:00')?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(fromDateTimeLocalInput('2026-02-29T10:00', 'Asia/Vladivostok')).toBeNull();
  });

  it("follows daylight saving in the user's zone", () => {
    // New York is UTC-4 in summer, UTC-5 in winter.
    expect(fromDateTimeLocalInput('2026-07-01T18:00', 'America/New_York')?.toISOString()).toBe(
      '2026-07-01T22:00:00.000Z',
    );
    expect(fromDateTimeLocalInput('2026-12-01T18:00', 'America/New_York')?.toISOString()).toBe(
      '2026-12-01T23:00:00.000Z',
    );
  });

  it('names the day an instant falls on in a zone', () => {
    expect(calendarDayIn(Date.UTC(2026, 10, 30, 20, 0), 'Asia/Vladivostok')).toBe('2026-12-01');
    expect(calendarDayIn(Date.UTC(2026, 10, 30, 20, 0), 'Europe/Berlin')).toBe('2026-11-30');
  });
});
