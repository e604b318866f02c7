import { describe, expect, it } from 'vitest';
import { newCheckpoint, parseCheckpoint, progressOf, queueFailedForRetry } from './checkpoint';
import { isRunId, newRunId } from './run-marker';

const runId = 'smart-tasks-run-a1b2c3d4e5f60718';
const fresh = newCheckpoint({
  runId,
  filter: { entityTypeId: 177, categoryId: 7, stageId: 'DT177_7:NEW', responsibleId: null, onlyWithoutOpenTask: true },
  template: { title: '{title}', description: '', responsible: { kind: 'user', userId: 3 }, deadline: null },
  currentUserId: 1,
  markerLine: `Smart Tasks ${runId}`,
  matched: 120,
  now: 1_000,
});

describe('checkpoint', () => {
  it('survives storage as JSON; a stored run waits to be resumed', () => {
    const restored = parseCheckpoint(JSON.stringify(fresh));
    expect(restored).toEqual({ ...fresh, status: 'paused' });
  });

  it('refuses anything it cannot trust rather than widen a run', () => {
    expect(parseCheckpoint('not json')).toBeNull();
    expect(parseCheckpoint({ ...fresh, version: 2 })).toBeNull();
    expect(parseCheckpoint({ ...fresh, runId: 'x' })).toBeNull();
    expect(parseCheckpoint({ ...fresh, filter: { ...fresh.filter, stageId: 5 } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, filter: { ...fresh.filter, categoryId: 'seven' } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, template: { ...fresh.template, responsible: { kind: 'user' } } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, template: { ...fresh.template, title: '{nope}' } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, currentUserId: 0 })).toBeNull();
  });

  it('counts what is left and moves failures back into the queue for a retry', () => {
    const partly = {
      ...fresh,
      counts: { created: 50, skipped: 10, failed: 2, copiesRemoved: 0 },
      failures: [
        { itemId: 4, itemTitle: 'A', reason: 'rejected' as const, message: 'no' },
        { itemId: 9, itemTitle: 'B', reason: 'unreachable' as const, message: '' },
      ],
    };
    expect(progressOf(partly)).toMatchObject({ remaining: 58, created: 50, failed: 2 });
    const retry = queueFailedForRetry({ ...partly, scan: { afterId: 200, complete: true }, status: 'finished' });
    expect(retry).toMatchObject({
      status: 'running',
      retryQueue: [4, 9],
      failures: [],
      counts: { created: 50, skipped: 10, failed: 0, copiesRemoved: 0 },
    });
    expect(progressOf(retry).remaining).toBe(2);
  });

  it('makes run ids that find only their own tasks', () => {
    const first = newRunId();
    expect(isRunId(first)).toBe(true);
    expect(newRunId()).not.toBe(first);
  });
});
