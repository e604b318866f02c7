import { describe, expect, it } from 'vitest';
import { addWorkingDays, fromDateTimeLocalInput, toDateTimeLocalInput, toPortalDateTime } from './working-days';

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    // Thursday 2025-01-16 + 3 working days = Tuesday 2025-01-21
    const deadline = addWorkingDays(new Date(2025, 0, 16, 9, 30), 3);
    expect([deadline.getFullYear(), deadline.getMonth(), deadline.getDate(), deadline.getHours()]).toEqual([2025, 0, 21, 18]);
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
