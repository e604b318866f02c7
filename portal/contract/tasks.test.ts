/**
 * tasks.task.* contracts: string ids, ufCrmTask only when selected, filters (UF_CRM_TASK, TAG,
 * CREATED_BY, dates, TITLE, STATUS incl. overdue), order, validation errors, visibility.
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, rawWebhookCall, contractPortalForThisFile } from './contract-harness';

type Task = Record<string, unknown> & { id: string };

const context = contractPortalForThisFile();

describe('tasks.task.list', () => {
  it('finds the seeded tasks linked to item 29, done and overdue among them', async () => {
    const { result, total } = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { UF_CRM_TASK: 'Tb1_29' },
      select: ['ID', 'TITLE', 'STATUS', 'DEADLINE', 'UF_CRM_TASK', 'subStatus'],
      order: { ID: 'ASC' },
    });
    expect(total).toBe(5);
    expect(result.tasks.map((task) => task.id)).toEqual(['101', '102', '103', '104', '111']);
    expect(result.tasks[0]).toMatchObject({
      id: '101',
      title: 'Request quotes from three suppliers',
      status: '5',
      ufCrmTask: ['Tb1_29'],
    });
    expect(result.tasks[1]).toMatchObject({ status: '3', subStatus: '-1' });
    expect(result.tasks[2]!.ufCrmTask).toEqual(['Tb1_29', 'T9c_12']);
  });

  it('filters by tag, creator, title pattern, status and dates', async () => {
    const tagged = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { TAG: 'procurement' },
      select: ['ID', 'TAGS'],
    });
    expect(tagged.result.tasks.length).toBeGreaterThanOrEqual(3);
    for (const task of tagged.result.tasks)
      expect(Object.values(task.tags as Record<string, { title: string }>).map((tag) => tag.title)).toContain(
        'procurement',
      );

    const byCreator = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { CREATED_BY: 3 },
      select: ['ID', 'CREATED_BY'],
    });
    expect(byCreator.result.tasks.length).toBeGreaterThan(0);
    expect(byCreator.result.tasks.every((task) => task.createdBy === '3')).toBe(true);

    const byTitle = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { TITLE: '%washing machine%' },
      select: ['ID', 'TITLE'],
    });
    expect(byTitle.result.tasks.map((task) => task.id).sort()).toEqual(['102', '104']);

    const overdue = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { STATUS: -1, UF_CRM_TASK: 'Tb1_29' },
      select: ['ID'],
    });
    expect(overdue.result.tasks.map((task) => task.id).sort()).toEqual(['102', '111']);

    const done = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { REAL_STATUS: 5 },
      select: ['ID', 'STATUS'],
    });
    expect(done.result.tasks.every((task) => task.status === '5')).toBe(true);

    const since = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const recent = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { '>=CREATED_DATE': since },
      select: ['ID', 'CREATED_DATE'],
    });
    expect(recent.result.tasks.length).toBeGreaterThan(0);
    for (const task of recent.result.tasks)
      expect(Date.parse(task.createdDate as string)).toBeGreaterThanOrEqual(Date.parse(`${since}T00:00:00+03:00`));
  });

  it('orders, pages by 50 and rejects an unknown sorting key', async () => {
    const page = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', { select: ['ID'] });
    expect(page.result.tasks).toHaveLength(50);
    expect(page.more).toBe(true);
    expect(page.total).toBe(54);
    expect(page.result.tasks[0]!.id).toBe('154');
    const ascending = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      select: ['ID', 'DEADLINE'],
      order: { DEADLINE: 'asc' },
      filter: { '!DEADLINE': '' },
    });
    const deadlines = ascending.result.tasks.map((task) => Date.parse(task.deadline as string));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(await rawWebhookCall(context.portal, 'tasks.task.list', { order: { NOPE: 'asc' } })).toEqual({
      status: 400,
      body: { error: '0', error_description: 'Invalid sorting key (internal error)' },
    });
  });

  it('adds result, timer and parsed-description keys when params ask for them', async () => {
    const plain = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { ID: 101 },
      select: ['ID', 'DESCRIPTION'],
    });
    expect(plain.result.tasks[0]).not.toHaveProperty('taskRequireResult');
    const { result } = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { ID: 101 },
      select: ['ID', 'DESCRIPTION'],
      params: { WITH_RESULT_INFO: true, WITH_TIMER_INFO: true, WITH_PARSED_DESCRIPTION: true },
    });
    expect(result.tasks[0]).toMatchObject({
      taskRequireResult: 'N',
      taskHasOpenResult: 'N',
      taskHasResult: 'N',
      timeElapsed: null,
      timerIsRunningForCurrentUser: 'N',
      parsedDescription: result.tasks[0]!.description,
    });
  });

  it('shows an ordinary user only the tasks they take part in', async () => {
    const { result } = await call<{ tasks: Task[] }>(context.hookAs(7), 'tasks.task.list', {
      select: ['ID', 'RESPONSIBLE_ID', 'CREATED_BY', 'ACCOMPLICES', 'AUDITORS'],
    });
    expect(result.tasks.length).toBeGreaterThan(0);
    for (const task of result.tasks) {
      const members = [
        task.responsibleId,
        task.createdBy,
        ...(task.accomplices as string[]),
        ...(task.auditors as string[]),
      ];
      expect(members).toContain('7');
    }
  });
});

describe('tasks.task.add / get', () => {
  it('creates a task with tags and returns every field as the docs show, without ufCrmTask', async () => {
    const { result } = await call<{ task: Task }>(context.hook, 'tasks.task.add', {
      fields: {
        TITLE: 'Call the supplier',
        RESPONSIBLE_ID: 3,
        DEADLINE: '2030-01-15T18:00:00+03:00',
        PRIORITY: 2,
        TAGS: ['urgent', 'phone'],
        ACCOMPLICES: [4],
        UF_CRM_TASK: ['T9c_5'],
      },
    });
    const task = result.task;
    expect(task).toMatchObject({
      title: 'Call the supplier',
      responsibleId: '3',
      createdBy: '1',
      priority: '2',
      status: '2',
      deadline: '2030-01-15T18:00:00+03:00',
      accomplices: ['4'],
      auditors: [],
      auditorsData: [],
      group: [],
      creator: {
        id: '1',
        name: 'Olivia Bennett',
        link: '/company/personal/user/1/',
        workPosition: 'Chief Executive Officer',
      },
      responsible: { id: '3', name: 'Sophie Wagner' },
    });
    expect((task.creator as { icon: string }).icon).toBe(`${context.portal.origin}/upload/avatars/1.svg`);
    expect(task.accomplicesData).toMatchObject({ '4': { id: '4', name: 'Daniel Park' } });
    expect(task).not.toHaveProperty('ufCrmTask');
    expect(task.action).toMatchObject({ complete: true, 'edit.originator': false });

    const read = await call<{ task: Task }>(context.hook, 'tasks.task.get', {
      taskId: task.id,
      select: ['ID', 'TITLE', 'UF_CRM_TASK', 'TAGS'],
    });
    expect(read.result.task).toMatchObject({
      id: task.id,
      title: 'Call the supplier',
      ufCrmTask: ['T9c_5'],
      ufTaskWebdavFiles: false,
      ufMailMessage: null,
    });
    expect(Object.values(read.result.task.tags as Record<string, { title: string }>).map((tag) => tag.title)).toEqual([
      'urgent',
      'phone',
    ]);

    const withoutSelect = await call<{ task: Task }>(context.hook, 'tasks.task.get', { taskId: task.id });
    expect(withoutSelect.result.task).not.toHaveProperty('ufCrmTask');
  });

  it('reports validation errors the way the portal words them', async () => {
    expect(await rawWebhookCall(context.portal, 'tasks.task.add', { fields: { RESPONSIBLE_ID: 1 } })).toEqual({
      status: 400,
      body: { error: 'ERROR_CORE', error_description: 'Task title is not specified<br>' },
    });
    expect(await callFailure(context.hook, 'tasks.task.add', { fields: { TITLE: 'No one' } })).toMatchObject({
      code: 'ERROR_CORE',
      message: 'Responsible person not specified<br>',
    });
    expect(
      await callFailure(context.hook, 'tasks.task.add', { fields: { TITLE: 'Ghost', RESPONSIBLE_ID: 999 } }),
    ).toMatchObject({
      code: 'ERROR_CORE',
      message: 'User specified in the "Responsible" field not found<br>',
    });
    expect(await rawWebhookCall(context.portal, 'tasks.task.add', {})).toEqual({
      status: 400,
      body: { error: '100', error_description: 'Could not find value for parameter {fields} (internal error)' },
    });
  });

  it('answers {"result": []} for a task that does not exist or is not visible, and 400 for a bad id', async () => {
    expect((await call(context.hook, 'tasks.task.get', { taskId: 99_999 })).result).toEqual([]);
    expect((await call(context.hookAs(6), 'tasks.task.get', { taskId: 101 })).result).toEqual([]);
    expect(await rawWebhookCall(context.portal, 'tasks.task.get', { taskId: 'abc' })).toEqual({
      status: 400,
      body: { error: '0', error_description: 'wrong task id' },
    });
  });
});

describe('tasks.task.update / complete / delete', () => {
  it('updates, completes and deletes a task', async () => {
    const created = await call<{ task: Task }>(context.hook, 'tasks.task.add', {
      fields: { TITLE: 'Draft', RESPONSIBLE_ID: 2 },
    });
    const id = created.result.task.id;
    const updated = await call<{ task: Task }>(context.hook, 'tasks.task.update', {
      taskId: id,
      fields: { TITLE: 'Final', UF_CRM_TASK: ['Tb1_29', 'Tbb_1', 'D_10'] },
    });
    expect(updated.result.task.title).toBe('Final');
    const links = await call<{ task: Task }>(context.hook, 'tasks.task.get', { taskId: id, select: ['UF_CRM_TASK'] });
    expect(links.result.task.ufCrmTask).toEqual(['Tb1_29', 'D_10']);

    const completed = await call<{ task: Task }>(context.hook, 'tasks.task.complete', { taskId: id });
    expect(completed.result.task).toMatchObject({ status: '5', closedBy: '1' });
    expect(completed.result.task.closedDate).toMatch(/\+03:00$/);
    expect(await rawWebhookCall(context.portal, 'tasks.task.complete', { taskId: id })).toEqual({
      status: 400,
      body: { error: '0', error_description: 'Action on the task is not allowed' },
    });

    expect((await call(context.hook, 'tasks.task.delete', { taskId: id })).result).toEqual({ task: true });
    expect((await call(context.hook, 'tasks.task.get', { taskId: id })).result).toEqual([]);
    expect(await callFailure(context.hook, 'tasks.task.delete', { taskId: id })).toMatchObject({
      code: '1048582',
      message: 'No access to delete the task',
    });
  });

  it('refuses to update a task the caller cannot see', async () => {
    expect(
      await rawWebhookCall(context.portal, 'tasks.task.update', { taskId: 99_999, fields: { TITLE: 'x' } }),
    ).toEqual({
      status: 400,
      body: { error: '0', error_description: 'Action on the task is not allowed (internal error)' },
    });
  });
});
