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
    expect(parseCheckpoint({ ...fresh, version: 3 })).toBeNull();
    expect(parseCheckpoint({ ...fresh, runId: 'x' })).toBeNull();
    expect(parseCheckpoint({ ...fresh, filter: { ...fresh.filter, stageId: 5 } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, filter: { ...fresh.filter, categoryId: 'seven' } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, template: { ...fresh.template!, responsible: { kind: 'user' } } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, template: { ...fresh.template!, title: '{nope}' } })).toBeNull();
    expect(parseCheckpoint({ ...fresh, currentUserId: 0 })).toBeNull();
  });

  it('lists each task and skipped item of a stored run once, though an earlier version recorded them twice', () => {
    const link = { itemId: 5, itemTitle: 'Washing Machine', taskId: 169, templateKey: 'call', taskTitle: 'Call' };
    const skipped = { itemId: 10, itemTitle: 'Dryer', reason: 'has-templates' as const };
    const stored = {
      ...fresh,
      created: [link, { itemId: 6, itemTitle: 'Oven', taskId: 170 }, { ...link, taskTitle: undefined }],
      skippedItems: [skipped, skipped],
    };
    const restored = parseCheckpoint(JSON.stringify(stored))!;
    expect(restored.created.map((entry) => [entry.taskId, entry.taskTitle])).toEqual([
      [169, 'Call'],
      [170, undefined],
    ]);
    expect(restored.skippedItems).toEqual([skipped]);
  });

  it('reads a run stored by the previous version (one template, no task count) as that run', () => {
    const { playbook: _none, retryCounted: _also, ...rest } = fresh;
    const stored = { ...rest, version: 1, counts: { created: 7, skipped: 1, failed: 0, copiesRemoved: 0 } };
    expect(parseCheckpoint(JSON.stringify(stored))).toEqual({
      ...fresh,
      status: 'paused',
      counts: { created: 7, skipped: 1, failed: 0, copiesRemoved: 0, tasks: 7 },
    });
  });

  it('keeps a playbook run’s templates as they were when it started, and refuses damaged ones', () => {
    const call = {
      key: 'call',
      title: 'Call {title}',
      description: '',
      responsible: { kind: 'item-responsible' as const },
      participantIds: [],
      observerIds: [],
      deadline: null,
      priority: 'high' as const,
      checklist: ['Dial'],
    };
    const run = newCheckpoint({
      runId,
      filter: fresh.filter,
      template: null,
      playbook: { stageId: 'DT177_7:NEW', revision: 3, templates: [call] },
      currentUserId: 1,
      markerLine: `Smart Tasks ${runId}`,
      matched: 10,
      now: 1_000,
    });
    expect(parseCheckpoint(JSON.stringify(run))).toEqual({ ...run, status: 'paused' });
    const damaged = (template: object) => ({ ...run, playbook: { ...run.playbook!, templates: [template] } });
    expect(parseCheckpoint(damaged({ ...call, key: 'Not A Key' }))).toBeNull();
    expect(parseCheckpoint(damaged({ ...call, responsible: { kind: 'anyone' } }))).toBeNull();
    expect(parseCheckpoint({ ...run, playbook: { ...run.playbook!, templates: [] } })).toBeNull();
    // Never both a template and a playbook.
    expect(parseCheckpoint({ ...run, template: fresh.template })).toBeNull();
  });

  it('counts what is left and moves failures back into the queue for a retry', () => {
    const partly = {
      ...fresh,
      counts: { created: 50, skipped: 10, failed: 2, copiesRemoved: 0, tasks: 50 },
      failures: [
        { itemId: 4, itemTitle: 'A', reason: 'rejected' as const, message: 'no', taskIds: [81, 82] },
        { itemId: 9, itemTitle: 'B', reason: 'unreachable' as const, message: '' },
      ],
    };
    expect(progressOf(partly)).toMatchObject({ remaining: 58, created: 50, failed: 2 });
    const retry = queueFailedForRetry({ ...partly, scan: { afterId: 200, complete: true }, status: 'finished' });
    expect(retry).toMatchObject({
      status: 'running',
      retryQueue: [4, 9],
      // Tasks made for item 4 before it failed were counted then: a retry that finds them does not count them again.
      retryCounted: [81, 82],
      failures: [],
      counts: { created: 50, skipped: 10, failed: 0, copiesRemoved: 0, tasks: 50 },
    });
    expect(progressOf(retry).remaining).toBe(2);
  });

  it('makes run ids that find only their own tasks', () => {
    const first = newRunId();
    expect(isRunId(first)).toBe(true);
    expect(newRunId()).not.toBe(first);
  });
});
