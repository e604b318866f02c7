import { describe, expect, it } from 'vitest';
import {
  fixedOffsetMinutes,
  formatUtcOffset,
  instantOf,
  isKnownZone,
  resolveUserZone,
  wallClock,
  zoneOffsetMinutes,
} from './time-zone';

describe('time zones', () => {
  it("takes the profile's zone, else the portal's offset", () => {
    expect(resolveUserZone('Asia/Vladivostok', 180)).toBe('Asia/Vladivostok');
    expect(resolveUserZone('', 180)).toBe('+03:00');
    expect(resolveUserZone(null, -330)).toBe('-05:30');
    expect(resolveUserZone('Mars/Olympus', 60)).toBe('+01:00');
  });

  it('reads fixed offsets and IANA names', () => {
    expect(fixedOffsetMinutes('+03:00')).toBe(180);
    expect(fixedOffsetMinutes('-0530')).toBe(-330);
    expect(fixedOffsetMinutes('Europe/Berlin')).toBeNull();
    expect(formatUtcOffset(-330)).toBe('-05:30');
    expect(isKnownZone('Asia/Vladivostok')).toBe(true);
    expect(isKnownZone('+03:00')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 1), 'Europe/Berlin')).toBe(60);
  });

  it('round-trips wall clocks', () => {
    const ms = Date.UTC(2026, 11, 3, 8, 0);
    expect(wallClock(ms, 'Asia/Vladivostok')).toEqual({
      year: 2026,
      month: 12,
      day: 3,
      hour: 18,
      minute: 0,
      second: 0,
      weekday: 4,
    });
    expect(instantOf({ year: 2026, month: 12, day: 3, hour: 18, minute: 0 }, 'Asia/Vladivostok')).toBe(ms);
    expect(instantOf({ year: 2026, month: 12, day: 3, hour: 11, minute: 0 }, '+03:00')).toBe(ms);
  });
});
