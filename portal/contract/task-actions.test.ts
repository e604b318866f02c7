/**
 * The task `action` flags per acting user (docs tasks/fields.md "Object action", tasks-task-get.md),
 * tasks.task.getaccess, and the same rules enforced by tasks.task.start/pause/defer/renew/complete
 * (tasks/status/*.md) and tasks.task.update of DEADLINE / RESPONSIBLE_ID.
 *
 * Cast of a fresh task: creator 2 (Maxim), responsible 4 (Daniel), participant 5 (Elena),
 * observer 3 (Sophie), 1 the administrator, 6 (Lukas) not in the task.
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, contractPortalForThisFile } from './contract-harness';

type Task = Record<string, unknown> & { id: string; status: string; action?: Record<string, boolean> };

const context = contractPortalForThisFile();

async function freshTask(fields: Record<string, unknown> = {}): Promise<string> {
  const { result } = await call<{ task: Task }>(context.hookAs(2), 'tasks.task.add', {
    fields: {
      TITLE: 'Approve the supplier',
      RESPONSIBLE_ID: 4,
      ACCOMPLICES: [5],
      AUDITORS: [3],
      DEADLINE: '2030-01-10T18:00:00+03:00',
      ...fields,
    },
  });
  return result.task.id;
}

async function actionsOf(userId: number, taskId: string): Promise<Record<string, boolean>> {
  const { result } = await call<{ task: Task } | []>(context.hookAs(userId), 'tasks.task.get', {
    taskId,
    select: ['ID', 'STATUS'],
  });
  if (Array.isArray(result)) throw new Error(`user ${userId} cannot see task ${taskId}`);
  return result.task.action!;
}

async function statusOf(taskId: string): Promise<string> {
  const { result } = await call<{ task: Task }>(context.hook, 'tasks.task.get', { taskId, select: ['STATUS'] });
  return result.task.status;
}

/**
 * A refusal as the portal sends it, through the user's webhook (the SDK reports the code "0" as
 * its own ERR_BAD_REQUEST, so codes are read from the wire).
 */
async function refusal(userId: number, method: string, params: Record<string, unknown>) {
  const response = await fetch(`${context.portal.webhookUrl.replace('/rest/1/', `/rest/${userId}/`)}${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as { error?: unknown; error_description?: unknown };
  return { code: body.error, status: response.status, message: body.error_description };
}

const notAllowed = (code: string) => ({ code, status: 400, message: 'Action on the task is not allowed' });

describe('action flags by the user’s part in the task', () => {
  it('gives the creator, responsible, participant, observer and administrator their own flags', async () => {
    const id = await freshTask();
    expect(await actionsOf(2, id)).toMatchObject({
      edit: true,
      remove: true,
      complete: true,
      start: true,
      pause: false,
      renew: false,
      defer: true,
      changeDeadline: true,
      delegate: true,
      checklistAddItems: true,
    });
    expect(await actionsOf(4, id)).toMatchObject({
      edit: false,
      remove: false,
      complete: true,
      start: true,
      changeDeadline: false,
      delegate: true,
      checklistAddItems: true,
    });
    expect(await actionsOf(5, id)).toMatchObject({
      edit: false,
      complete: true,
      start: true,
      changeDeadline: false,
      delegate: false,
      checklistAddItems: true,
    });
    const observer = await actionsOf(3, id);
    expect(observer).toMatchObject({
      edit: false,
      remove: false,
      complete: false,
      start: false,
      pause: false,
      defer: false,
      renew: false,
      changeDeadline: false,
      delegate: false,
      checklistAddItems: false,
      create: true,
    });
    expect(Object.keys(observer)).toHaveLength(27);
    expect(await actionsOf(1, id)).toMatchObject({ edit: true, remove: true, complete: true, changeDeadline: true });
    expect((await call(context.hookAs(6), 'tasks.task.get', { taskId: id })).result).toEqual([]);
  });

  it('follows the status: start only when pending, pause only in progress, renew only when done', async () => {
    const id = await freshTask();
    await call(context.hookAs(4), 'tasks.task.start', { taskId: id });
    expect(await actionsOf(4, id)).toMatchObject({ start: false, pause: true, complete: true, renew: false });
    await call(context.hookAs(4), 'tasks.task.complete', { taskId: id });
    expect(await actionsOf(4, id)).toMatchObject({
      start: false,
      pause: false,
      complete: false,
      renew: true,
      changeDeadline: false,
      delegate: false,
    });
    expect(await actionsOf(2, id)).toMatchObject({ complete: false, renew: true, changeDeadline: false });
  });

  it('lets the responsible change the deadline only when the task allows it', async () => {
    const id = await freshTask({ ALLOW_CHANGE_DEADLINE: 'Y' });
    expect(await actionsOf(4, id)).toMatchObject({ changeDeadline: true, edit: false });
    expect(await actionsOf(5, id)).toMatchObject({ changeDeadline: false });
  });

  it('returns no action object in tasks.task.list rows (the docs show none there)', async () => {
    const id = await freshTask();
    const { result } = await call<{ tasks: Task[] }>(context.hookAs(2), 'tasks.task.list', {
      filter: { ID: id },
      select: ['ID', 'STATUS'],
    });
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]).not.toHaveProperty('action');
  });
});

describe('tasks.task.getaccess', () => {
  it('answers allowedActions per user in upper case, all false for an unknown user', async () => {
    const id = await freshTask();
    const { result } = await call<{ allowedActions: Record<string, Record<string, boolean>> }>(
      context.hookAs(2),
      'tasks.task.getaccess',
      { taskId: id, users: [2, 3, 4, 999] },
    );
    expect(Object.keys(result.allowedActions).sort()).toEqual(['2', '3', '4', '999']);
    expect(result.allowedActions['2']).toMatchObject({ EDIT: true, CHANGE_DEADLINE: true, 'EDIT.ORIGINATOR': false });
    expect(result.allowedActions['3']).toMatchObject({ COMPLETE: false, CHANGE_DEADLINE: false, CREATE: true });
    expect(result.allowedActions['4']).toMatchObject({ COMPLETE: true, START: true, CHANGE_DEADLINE: false });
    expect(Object.values(result.allowedActions['999']!).every((allowed) => allowed === false)).toBe(true);
    expect(Object.keys(result.allowedActions['2']!)).toHaveLength(27);
  });

  it('checks the caller by default, answers [] to a caller without access, and refuses users that are no array', async () => {
    const id = await freshTask();
    const own = await call<{ allowedActions: Record<string, unknown> }>(context.hookAs(3), 'tasks.task.getaccess', {
      taskId: id,
    });
    expect(Object.keys(own.result.allowedActions)).toEqual(['3']);
    const stranger = await call<{ allowedActions: unknown }>(context.hookAs(6), 'tasks.task.getaccess', {
      taskId: id,
      users: [2],
    });
    expect(stranger.result.allowedActions).toEqual([]);
    expect(await callFailure(context.hook, 'tasks.task.getaccess', { taskId: id, users: '2' })).toMatchObject({
      code: '100',
      status: 400,
    });
  });
});

describe('status methods', () => {
  it('moves a task pending → in progress → pending → deferred → pending → completed → pending', async () => {
    const id = await freshTask();
    const started = await call<{ task: Task }>(context.hookAs(4), 'tasks.task.start', { taskId: id });
    expect(started.result.task).toMatchObject({ id, status: '3', statusChangedBy: '4' });
    expect(started.result.task.dateStart).toMatch(/\+03:00$/);
    expect(started.result.task.action).toMatchObject({ start: false, pause: true });

    expect((await call<{ task: Task }>(context.hookAs(4), 'tasks.task.pause', { taskId: id })).result.task.status).toBe(
      '2',
    );
    expect((await call<{ task: Task }>(context.hookAs(5), 'tasks.task.defer', { taskId: id })).result.task.status).toBe(
      '6',
    );
    expect((await call<{ task: Task }>(context.hookAs(2), 'tasks.task.renew', { taskId: id })).result.task.status).toBe(
      '2',
    );
    const completed = await call<{ task: Task }>(context.hookAs(4), 'tasks.task.complete', { taskId: id });
    expect(completed.result.task).toMatchObject({ status: '5', closedBy: '4' });
    expect(completed.result.task.closedDate).toMatch(/\+03:00$/);
    const renewed = await call<{ task: Task }>(context.hookAs(4), 'tasks.task.renew', { taskId: id });
    expect(renewed.result.task).toMatchObject({ status: '2', closedBy: null, closedDate: null });
  });

  it('refuses a move the status does not allow, with the code each page documents', async () => {
    const id = await freshTask();
    expect(await refusal(4, 'tasks.task.pause', { taskId: id })).toEqual(notAllowed('1048582'));
    expect(await refusal(4, 'tasks.task.renew', { taskId: id })).toEqual(notAllowed('1048582'));
    await call(context.hookAs(4), 'tasks.task.start', { taskId: id });
    expect(await refusal(4, 'tasks.task.start', { taskId: id })).toEqual(notAllowed('0'));
    await call(context.hookAs(4), 'tasks.task.complete', { taskId: id });
    expect(await refusal(4, 'tasks.task.complete', { taskId: id })).toEqual(notAllowed('0'));
    expect(await refusal(4, 'tasks.task.defer', { taskId: id })).toEqual(notAllowed('1048582'));
    expect(await statusOf(id)).toBe('5');
  });

  it('refuses an observer every status change and a stranger as if the task did not exist', async () => {
    const id = await freshTask();
    expect(await refusal(3, 'tasks.task.complete', { taskId: id })).toEqual(notAllowed('0'));
    expect(await refusal(3, 'tasks.task.start', { taskId: id })).toEqual(notAllowed('0'));
    expect(await refusal(3, 'tasks.task.defer', { taskId: id })).toEqual(notAllowed('1048582'));
    expect(await refusal(6, 'tasks.task.complete', { taskId: id })).toEqual(notAllowed('0'));
    expect(await refusal(1, 'tasks.task.start', { taskId: 99_999 })).toEqual(notAllowed('0'));
    expect(await refusal(1, 'tasks.task.pause', { taskId: 'abc' })).toMatchObject({
      code: '0',
      message: 'wrong task id',
    });
    expect(await statusOf(id)).toBe('2');
  });

  it('sends a performer’s completion to the creator’s review when task control is on', async () => {
    const id = await freshTask({ TASK_CONTROL: 'Y' });
    const done = await call<{ task: Task }>(context.hookAs(4), 'tasks.task.complete', { taskId: id });
    expect(done.result.task).toMatchObject({ status: '4', taskControl: 'Y' });
    expect(await actionsOf(2, id)).toMatchObject({ approve: true, disapprove: true, complete: false });
    expect(await refusal(4, 'tasks.task.approve', { taskId: id })).toEqual(notAllowed('1048582'));
    const approved = await call<{ task: Task }>(context.hookAs(2), 'tasks.task.approve', { taskId: id });
    expect(approved.result.task).toMatchObject({ status: '5', closedBy: '2' });
  });
});

describe('tasks.task.delegate', () => {
  it('lets the responsible hand the task on, and refuses the observer and a missing userId', async () => {
    const id = await freshTask();
    expect(await refusal(3, 'tasks.task.delegate', { taskId: id, userId: 7 })).toEqual(notAllowed('0'));
    expect((await refusal(4, 'tasks.task.delegate', { taskId: id })).code).toBe('100');
    const delegated = await call<{ task: Task }>(context.hookAs(4), 'tasks.task.delegate', { taskId: id, userId: 7 });
    expect(delegated.result.task).toMatchObject({ responsibleId: '7', auditors: ['3', '4'] });
    expect(delegated.result.task.action).toMatchObject({ delegate: false, complete: false });
  });
});

describe('tasks.task.update obeys the same rights', () => {
  const refused = { code: '0', status: 400, message: 'Action on the task is not allowed (internal error)' };

  it('lets the responsible delegate but not edit or move the deadline; the observer neither', async () => {
    const id = await freshTask();
    expect(
      await refusal(4, 'tasks.task.update', {
        taskId: id,
        fields: { DEADLINE: '2030-02-01T18:00:00+03:00' },
      }),
    ).toEqual(refused);
    expect(await refusal(4, 'tasks.task.update', { taskId: id, fields: { TITLE: 'Mine' } })).toEqual(refused);
    expect(
      await refusal(3, 'tasks.task.update', {
        taskId: id,
        fields: { DEADLINE: '2030-02-01T18:00:00+03:00' },
      }),
    ).toEqual(refused);
    expect(await refusal(3, 'tasks.task.update', { taskId: id, fields: { RESPONSIBLE_ID: 3 } })).toEqual(refused);
    const delegated = await call<{ task: Task }>(context.hookAs(4), 'tasks.task.update', {
      taskId: id,
      fields: { RESPONSIBLE_ID: 7 },
    });
    expect(delegated.result.task.responsibleId).toBe('7');
  });

  it('lets the creator move the deadline, and the responsible when ALLOW_CHANGE_DEADLINE is Y', async () => {
    const id = await freshTask();
    const moved = await call<{ task: Task }>(context.hookAs(2), 'tasks.task.update', {
      taskId: id,
      fields: { DEADLINE: '2030-02-01T18:00:00+03:00' },
    });
    expect(moved.result.task.deadline).toBe('2030-02-01T18:00:00+03:00');

    const allowed = await freshTask({ ALLOW_CHANGE_DEADLINE: 'Y' });
    const byResponsible = await call<{ task: Task }>(context.hookAs(4), 'tasks.task.update', {
      taskId: allowed,
      fields: { DEADLINE: '2030-03-01T12:00:00+03:00' },
    });
    expect(byResponsible.result.task.deadline).toBe('2030-03-01T12:00:00+03:00');
  });

  it('refuses a deadline change on a completed task, even to the creator', async () => {
    const id = await freshTask();
    await call(context.hookAs(2), 'tasks.task.complete', { taskId: id });
    expect(
      await refusal(2, 'tasks.task.update', {
        taskId: id,
        fields: { DEADLINE: '2030-02-01T18:00:00+03:00' },
      }),
    ).toEqual(refused);
  });
});

describe('what the status methods cost on a cloud portal', () => {
  it('reports the docs’ processing time of tasks.task.start, pause and renew', async () => {
    const id = await freshTask();
    // Scale 20 keeps the test quick; the figures stay in portal seconds.
    await context.control.useCloudProfile({ timeScale: 20 });
    try {
      const processing = async (method: string) =>
        ((await call(context.hookAs(4), method, { taskId: id })).time as { processing: number }).processing;
      expect(await processing('tasks.task.start')).toBeGreaterThanOrEqual(0.266);
      expect(await processing('tasks.task.pause')).toBeGreaterThanOrEqual(0.262);
      expect(await processing('tasks.task.defer')).toBeGreaterThanOrEqual(0.33);
      expect(await processing('tasks.task.renew')).toBeGreaterThanOrEqual(0.673);
    } finally {
      await context.control.configure({ cost: 'instant', timeScale: 1 });
    }
  });
});

describe('the seed’s people on item 29’s tasks', () => {
  it('has a creator, responsibles, a participant, an observer-only user and a stranger, each with their flags', async () => {
    const access = async (taskId: number, users: number[]) =>
      (
        await call<{ allowedActions: Record<string, Record<string, boolean>> }>(context.hook, 'tasks.task.getaccess', {
          taskId,
          users,
        })
      ).result.allowedActions;
    // 104 "Sign the delivery note": creator 2, responsible 7, observer 3 (Sophie), 6 not in it.
    const signing = await access(104, [2, 7, 3, 6]);
    expect(signing['2']).toMatchObject({ EDIT: true, COMPLETE: true, CHANGE_DEADLINE: true });
    expect(signing['7']).toMatchObject({ EDIT: false, COMPLETE: true, START: true, CHANGE_DEADLINE: false });
    expect(signing['3']).toMatchObject({
      EDIT: false,
      COMPLETE: false,
      START: false,
      CHANGE_DEADLINE: false,
      CREATE: true,
    });
    expect(Object.values(signing['6']!).every((allowed) => !allowed)).toBe(true);
    // 103 "Approve the purchase budget": participant 5 (Elena); 101 is done: renew, not complete.
    expect((await access(103, [5]))['5']).toMatchObject({ COMPLETE: true, EDIT: false, DELEGATE: false });
    expect((await access(101, [2]))['2']).toMatchObject({ COMPLETE: false, RENEW: true });
  });
});
