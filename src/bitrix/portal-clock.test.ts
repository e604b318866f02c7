import { describe, expect, it } from 'vitest';
import { createPortalClock, readFinishMs } from './portal-clock';

const HOUR = 3_600_000;

describe('portal clock', () => {
  it('follows the portal, not a browser clock that is three hours off', () => {
    let mono = 1_000;
    const browser = Date.UTC(2026, 10, 30, 12, 0, 0);
    const portal = browser + 3 * HOUR;
    const clock = createPortalClock(
      () => mono,
      () => browser + (mono - 1_000),
    );
    expect(clock.synced).toBe(false);
    expect(clock.now()).toBe(browser);

    clock.observe({ finish: portal / 1000, date_finish: 'ignored when finish is there' });
    expect(clock.synced).toBe(true);
    expect(clock.now()).toBe(portal);
    mono += 90_000;
    expect(clock.now()).toBe(portal + 90_000);
  });

  it('keeps the highest reading: a late answer does not pull the clock back', () => {
    let mono = 0;
    const clock = createPortalClock(
      () => mono,
      () => 0,
    );
    clock.observe({ finish: 1_000_000 });
    mono = 5_000;
    // Stamped 2 s after the first, but it took 4 s to arrive: the first reading is better.
    clock.observe({ finish: 1_000_002 });
    expect(clock.now()).toBe(1_000_005_000);
  });

  it('follows a portal clock that was set back by more than an answer can take to arrive', () => {
    let mono = 0;
    const clock = createPortalClock(
      () => mono,
      () => 0,
    );
    clock.observe({ finish: 2_000_000 });
    mono = 1_000;
    clock.observe({ finish: 1_000_000 });
    expect(clock.now()).toBe(1_000_000_000);
  });

  it('reads date_finish when finish is missing, and ignores what is not a time block', () => {
    expect(readFinishMs({ date_finish: '2026-11-30T15:00:00+03:00' })).toBe(Date.UTC(2026, 10, 30, 12));
    expect(readFinishMs({ finish: '1764504000.25' })).toBe(1_764_504_000_250);
    expect(readFinishMs(undefined)).toBeNull();
    expect(readFinishMs({ finish: 'soon' })).toBeNull();
    const clock = createPortalClock(
      () => 0,
      () => 42,
    );
    clock.observe({ finish: -1 });
    expect(clock.synced).toBe(false);
    expect(clock.now()).toBe(42);
  });
});
