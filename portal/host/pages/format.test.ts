import { describe, expect, it } from 'vitest';
import { formatMomentInZone, formatPortalDateTime } from './format';

describe('page formatting', () => {
  it('shows a wall-clock time as written', () => {
    expect(formatPortalDateTime('2026-10-28T12:15:00+03:00')).toBe('28 Oct 2026, 12:15');
    expect(formatPortalDateTime('2026-11-04')).toBe('4 Nov 2026');
    expect(formatPortalDateTime('soon')).toBe('soon');
  });

  it("shows a moment in the viewer's zone, a calendar day as it is", () => {
    expect(formatMomentInZone('2026-12-04T18:00:00+03:00', 'Europe/Moscow')).toBe('4 Dec 2026, 18:00');
    expect(formatMomentInZone('2026-12-04T18:00:00+03:00', 'Asia/Vladivostok')).toBe('5 Dec 2026, 01:00');
    expect(formatMomentInZone('2026-12-04T18:00:00+03:00', 'America/New_York')).toBe('4 Dec 2026, 10:00');
    expect(formatMomentInZone('2026-07-04T18:00:00+03:00', 'America/New_York')).toBe('4 Jul 2026, 11:00');
    expect(formatMomentInZone('2026-11-04', 'Asia/Vladivostok')).toBe('4 Nov 2026');
    expect(formatMomentInZone('soon', 'Asia/Vladivostok')).toBe('soon');
  });
});
