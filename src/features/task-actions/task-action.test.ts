import { describe, expect, it } from 'vitest';
import type { LinkedTask } from '../../domain/tasks';
import { decodeTaskAccess, decodeTaskAction, NO_RIGHTS } from '../../queries/task-actions';
import { createFakeBoundary } from '../../testing/fake-boundary';
import { actionLanded, allowedActions, optimisticTask, sendTaskAction } from './task-action';

const task: LinkedTask = {
  id: 7,
  title: 'Sign',
  status: 'pending',
  responsibleId: 1,
  deadline: new Date('2026-12-04T15:00:00Z'),
  createdAt: null,
  closedAt: null,
  crmLinks: ['Tb1_29'],
  priority: 'medium',
  templateKey: null,
};

describe('the rights as the portal reports them', () => {
  it('reads the action object of tasks.task.get: only a literal true allows', () => {
    expect(decodeTaskAction({ complete: true, start: false, changeDeadline: true, delegate: true })).toEqual({
      ...NO_RIGHTS,
      complete: true,
      changeDeadline: true,
      delegate: true,
    });
    expect(decodeTaskAction(undefined)).toBeNull();
  });

  it('reads tasks.task.getaccess for the current user; [] (no access) and a missing user allow nothing', () => {
    const answer = {
      allowedActions: {
        '5': { COMPLETE: false, EDIT: false },
        '1': { COMPLETE: true, CHANGE_DEADLINE: true, EDIT: true, RENEW: false },
      },
    };
    expect(decodeTaskAccess(answer, 1)).toEqual({ ...NO_RIGHTS, complete: true, changeDeadline: true, edit: true });
    expect(decodeTaskAccess(answer, 9)).toEqual(NO_RIGHTS);
    expect(decodeTaskAccess({ allowedActions: [] }, 1)).toEqual(NO_RIGHTS);
    // The caller's own entry when it is the only one, under whatever key the portal used.
    expect(decodeTaskAccess({ allowedActions: { '12': { START: true } } }, 1).start).toBe(true);
  });

  it('lists only what is allowed, in menu order; a new responsible takes edit or delegate', () => {
    expect(allowedActions(NO_RIGHTS)).toEqual([]);
    expect(allowedActions({ ...NO_RIGHTS, complete: true, start: true, delegate: true })).toEqual([
      'start',
      'complete',
      'responsible',
    ]);
  });
});

describe('each action is one request', () => {
  it('sends the deadline with the PORTAL’s offset, whatever the computer’s', async () => {
    const sent: unknown[] = [];
    const boundary = createFakeBoundary({
      'tasks.task.update': (params) => {
        sent.push(params);
        return { task: { id: '7', title: 'Sign' } };
      },
    });
    boundary.setPortalUtcOffsetMinutes(600);
    await sendTaskAction(boundary, 7, { kind: 'deadline', deadline: new Date('2026-12-04T08:00:00Z') });
    expect(sent).toEqual([{ taskId: 7, fields: { DEADLINE: '2026-12-04T18:00:00+10:00' } }]);
    expect(boundary.roundTrips).toEqual([{ kind: 'call', methods: ['tasks.task.update'] }]);
  });

  it('shows the change at once, and knows it when a re-read shows it done', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const done = optimisticTask(task, { kind: 'complete' }, now);
    expect(done).toMatchObject({ status: 'completed', closedAt: now });
    expect(actionLanded({ kind: 'complete' }, done)).toBe(true);
    expect(actionLanded({ kind: 'complete' }, { ...task, status: 'awaiting-control' })).toBe(true);
    expect(actionLanded({ kind: 'complete' }, task)).toBe(false);
    expect(optimisticTask(done, { kind: 'renew' }, now)).toMatchObject({ status: 'pending', closedAt: null });
    expect(actionLanded({ kind: 'start' }, optimisticTask(task, { kind: 'start' }, now))).toBe(true);
    // A deadline read back to the minute (the portal keeps no seconds).
    const deadline = new Date('2026-12-05T15:00:30Z');
    expect(actionLanded({ kind: 'deadline', deadline }, { ...task, deadline: new Date('2026-12-05T15:00:00Z') })).toBe(
      true,
    );
    expect(actionLanded({ kind: 'deadline', deadline }, task)).toBe(false);
    const responsible = { id: 4, name: 'Daniel Park', photoUrl: null, position: '' };
    expect(optimisticTask(task, { kind: 'responsible', responsible }, now).responsibleId).toBe(4);
  });
});
