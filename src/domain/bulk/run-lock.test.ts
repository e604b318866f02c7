import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../browser-storage';
import { leaseRunLock } from './run-lock';

/** Two tabs sharing one storage and one clock; intervals run when the test moves the clock. */
function twoTabs() {
  const storage = memoryStorage();
  let clock = 0;
  const timers = new Map<number, { callback: () => void; every: number; next: number }>();
  let nextTimer = 1;
  const options = (owner: string) => ({
    owner,
    leaseMs: 10_000,
    heartbeatMs: 2_000,
    now: () => clock,
    setInterval: (callback: () => void, every: number) => {
      const id = nextTimer++;
      timers.set(id, { callback, every, next: clock + every });
      return id;
    },
    clearInterval: (id: unknown) => void timers.delete(id as number),
  });
  return {
    first: leaseRunLock(storage, 'run', options('first')),
    second: leaseRunLock(storage, 'run', options('second')),
    /** Moves time on; `frozen` tabs' timers do not fire (a tab that crashed). */
    advance(milliseconds: number, frozen: ReadonlySet<number> = new Set()) {
      const end = clock + milliseconds;
      for (;;) {
        const due = [...timers]
          .filter(([id, timer]) => timer.next <= end && !frozen.has(id))
          .sort((a, b) => a[1].next - b[1].next)[0];
        if (!due) break;
        clock = due[1].next;
        due[1].next += due[1].every;
        due[1].callback();
      }
      clock = end;
    },
    timerIds: () => [...timers.keys()],
  };
}

describe('the lease that keeps one runner per run where Web Locks are missing', () => {
  it('lets one tab run; the other is refused while the runner keeps renewing', async () => {
    const tabs = twoTabs();
    const held = await tabs.first.tryAcquire();
    expect(held).not.toBeNull();
    expect(await tabs.second.tryAcquire()).toBeNull();
    // Long past one lease: the heartbeat kept it.
    tabs.advance(60_000);
    expect(await tabs.second.tryAcquire()).toBeNull();

    held!.release();
    expect(await tabs.second.tryAcquire()).not.toBeNull();
  });

  it('frees the run when the runner vanished without releasing (its lease runs out)', async () => {
    const tabs = twoTabs();
    await tabs.first.tryAcquire();
    const crashed = new Set(tabs.timerIds());
    let free = false;
    void tabs.second.whenFree(new AbortController().signal).then(() => (free = true));
    tabs.advance(8_000, crashed);
    await Promise.resolve();
    expect(free).toBe(false);
    tabs.advance(4_000, crashed);
    await Promise.resolve();
    expect(free).toBe(true);
    expect(await tabs.second.tryAcquire()).not.toBeNull();
  });
});
