/**
 * task.checklistitem.* (docs tasks/checklist-item/*.md): positional TASKID/ITEMID/FIELDS, the
 * automatic "Checklist 1", rows in UPPER_CASE, ticking, moving, deleting with sub-items, rights
 * (creator, performer, participants; not an observer), the task's own `checklist`, and a task
 * made with its checklist in one batch through `$result[...]` references.
 */
import { describe, expect, it } from 'vitest';
import { call, contractPortalForThisFile } from './contract-harness';

type Row = Record<string, unknown> & { ID: string; TITLE: string; PARENT_ID: string | number; IS_COMPLETE: string };

const context = contractPortalForThisFile();

/** A task of creator 2 with responsible 4, participant 5 and observer 3. */
async function freshTask(): Promise<number> {
  const { result } = await call<{ task: { id: string } }>(context.hookAs(2), 'tasks.task.add', {
    fields: { TITLE: 'Checklist host', RESPONSIBLE_ID: 4, ACCOMPLICES: [5], AUDITORS: [3] },
  });
  return Number(result.task.id);
}

/** The portal's answer as sent (codes and texts), through user `userId`'s webhook. */
async function wire(userId: number, method: string, params: Record<string, unknown>) {
  const response = await fetch(`${context.portal.webhookUrl.replace('/rest/1/', `/rest/${userId}/`)}${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function rows(taskId: number, userId = 2): Promise<Row[]> {
  return (await call<Row[]>(context.hookAs(userId), 'task.checklistitem.getlist', { TASKID: taskId })).result;
}

describe('task.checklistitem.add / getlist / get', () => {
  it('puts an item without PARENT_ID under an automatic "Checklist 1" and answers its id', async () => {
    const taskId = await freshTask();
    const { result: id } = await call<number>(context.hookAs(4), 'task.checklistitem.add', {
      TASKID: taskId,
      FIELDS: { TITLE: 'Call the supplier' },
    });
    expect(typeof id).toBe('number');
    const list = await rows(taskId);
    expect(list).toHaveLength(2);
    const root = list.find((row) => row.PARENT_ID === 0)!;
    expect(root).toMatchObject({ TITLE: 'Checklist 1', TASK_ID: String(taskId), CREATED_BY: '4', IS_COMPLETE: 'N' });
    const item = list.find((row) => row.ID === String(id))!;
    expect(item).toEqual({
      ID: String(id),
      TASK_ID: String(taskId),
      PARENT_ID: root.ID,
      CREATED_BY: '4',
      TITLE: 'Call the supplier',
      SORT_INDEX: '0',
      IS_COMPLETE: 'N',
      IS_IMPORTANT: 'N',
      TOGGLED_BY: null,
      TOGGLED_DATE: '',
      MEMBERS: [],
      ATTACHMENTS: [],
    });
    // getlist's default order is ID descending (docs)
    expect(list.map((row) => Number(row.ID))).toEqual([id, Number(root.ID)]);
    const { result: one } = await call<Row>(context.hookAs(3), 'task.checklistitem.get', {
      TASKID: taskId,
      ITEMID: id,
    });
    expect(one).toEqual(item);
  });

  it('makes a new checklist for PARENT_ID 0, nests under a given parent and keeps SORT_INDEX, IS_COMPLETE, MEMBERS', async () => {
    const taskId = await freshTask();
    const add = async (fields: Record<string, unknown>) =>
      (await call<number>(context.hookAs(2), 'task.checklistitem.add', { TASKID: taskId, FIELDS: fields })).result;
    const listId = await add({ TITLE: 'Documents', PARENT_ID: 0 });
    const second = await add({ TITLE: 'Sign', PARENT_ID: listId, SORT_INDEX: 20 });
    const first = await add({
      TITLE: 'Collect',
      PARENT_ID: listId,
      SORT_INDEX: 10,
      IS_COMPLETE: 'Y',
      IS_IMPORTANT: 'Y',
      MEMBERS: { '7': { TYPE: 'A' } },
    });
    const byId = new Map((await rows(taskId)).map((row) => [Number(row.ID), row]));
    expect(byId.get(listId)).toMatchObject({ TITLE: 'Documents', PARENT_ID: 0 });
    expect(byId.get(second)).toMatchObject({ PARENT_ID: String(listId), SORT_INDEX: '20', IS_COMPLETE: 'N' });
    expect(byId.get(first)).toMatchObject({ SORT_INDEX: '10', IS_COMPLETE: 'Y', IS_IMPORTANT: 'Y', TOGGLED_BY: '2' });
    expect(byId.get(first)!.MEMBERS).toEqual([expect.objectContaining({ ID: '7', TYPE: 'A', NAME: 'Amara Okafor' })]);
    // The item's participant joins the task as a participant (docs).
    const { result } = await call<{
      task: { accomplices: string[]; checklist: Record<string, Record<string, unknown>> };
    }>(context.hookAs(2), 'tasks.task.get', { taskId });
    expect(result.task.accomplices).toEqual(['5', '7']);
    // An object keyed by item id (a JS client sees the keys in id order, whatever the portal sent).
    expect(Object.keys(result.task.checklist).map(Number)).toEqual([listId, second, first]);
    expect(result.task.checklist[String(first)]).toMatchObject({ title: 'Collect', sortIndex: '10', isComplete: 'Y' });
  });

  it('reads parameters by position: keys in another order fail as on a portal', async () => {
    const taskId = await freshTask();
    const misplaced = await wire(2, 'task.checklistitem.add', { FIELDS: { TITLE: 'x' }, TASKID: taskId });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body).toEqual({
      error: 'ERROR_CORE',
      error_description:
        'TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ctaskchecklistitem::add() expected to be of type "integer", but given something else.; 256/TE/WRONG_ARGUMENTS<br>',
    });
    expect((await wire(2, 'task.checklistitem.add', { TASKID: taskId, FIELDS: { SORT_INDEX: 1 } })).body).toEqual({
      error: 'ERROR_CORE',
      error_description: 'TASKS_ERROR_EXCEPTION_#8; Item name not specified; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>',
    });
    expect((await wire(2, 'task.checklistitem.get', { TASKID: taskId, ITEMID: 999_999 })).body).toMatchObject({
      error: 'ERROR_CORE',
      error_description:
        'TASKS_ERROR_EXCEPTION_#512; Check listitem not found or not accessible; 512/TE/ITEM_NOT_FOUND_OR_NOT_ACCESSIBLE<br>',
    });
    expect(
      (await wire(2, 'task.checklistitem.getlist', { TASKID: taskId, ORDER: { IS_COMPLETED: 'asc' } })).body,
    ).toMatchObject({ error: 'ERROR_CORE' });
  });
});

describe('rights', () => {
  it('lets the performer and participants add, refuses the observer and a stranger', async () => {
    const taskId = await freshTask();
    await call(context.hookAs(5), 'task.checklistitem.add', {
      TASKID: taskId,
      FIELDS: { TITLE: 'By the participant' },
    });
    for (const userId of [3, 6]) {
      expect(await wire(userId, 'task.checklistitem.add', { TASKID: taskId, FIELDS: { TITLE: 'Nope' } })).toEqual({
        status: 400,
        body: {
          error: 'ERROR_CORE',
          error_description:
            'TASKS_ERROR_EXCEPTION_#8; Adding item: action not allowed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>',
        },
      });
    }
    const observerView = await rows(taskId, 3);
    expect(observerView.map((row) => row.TITLE).sort()).toEqual(['By the participant', 'Checklist 1']);
    const [item] = observerView.filter((row) => row.PARENT_ID !== 0);
    expect(
      (
        await call(context.hookAs(3), 'task.checklistitem.isactionallowed', {
          TASKID: taskId,
          ITEMID: item!.ID,
          ACTIONID: 4,
        })
      ).result,
    ).toBe(false);
    expect(
      (
        await call(context.hookAs(4), 'task.checklistitem.isactionallowed', {
          TASKID: taskId,
          ITEMID: item!.ID,
          ACTIONID: 4,
        })
      ).result,
    ).toBe(true);
    expect((await wire(3, 'task.checklistitem.complete', { TASKID: taskId, ITEMID: item!.ID })).status).toBe(400);
    expect((await wire(6, 'task.checklistitem.getlist', { TASKID: taskId })).body).toMatchObject({
      error: 'ERROR_CORE',
    });
  });
});

describe('task.checklistitem.update / complete / renew / moveafteritem / delete', () => {
  it('ticks and unticks an item (true again on a repeat, false for an unknown item)', async () => {
    const taskId = await freshTask();
    const { result: id } = await call<number>(context.hookAs(2), 'task.checklistitem.add', {
      TASKID: taskId,
      FIELDS: { TITLE: 'Tick me' },
    });
    expect((await call(context.hookAs(4), 'task.checklistitem.complete', { TASKID: taskId, ITEMID: id })).result).toBe(
      true,
    );
    const done = (await rows(taskId)).find((row) => row.ID === String(id))!;
    expect(done).toMatchObject({ IS_COMPLETE: 'Y', TOGGLED_BY: '4' });
    expect(done.TOGGLED_DATE).toMatch(/\+03:00$/);
    expect((await call(context.hookAs(4), 'task.checklistitem.complete', { TASKID: taskId, ITEMID: id })).result).toBe(
      true,
    );
    expect((await call(context.hookAs(4), 'task.checklistitem.renew', { TASKID: taskId, ITEMID: id })).result).toBe(
      true,
    );
    expect((await rows(taskId)).find((row) => row.ID === String(id))).toMatchObject({ IS_COMPLETE: 'N' });
    expect(
      (await call(context.hookAs(4), 'task.checklistitem.complete', { TASKID: taskId, ITEMID: 999_999 })).result,
    ).toBe(false);
    expect((await wire(4, 'task.checklistitem.complete', { TASKID: 0, ITEMID: id })).body).toEqual({
      error: 'ERROR_CORE',
      error_description: 'TASKS_ERROR_ASSERT_EXCEPTION<br>',
    });
  });

  it('updates fields (null result), moves an item after another and deletes a checklist with its items', async () => {
    const taskId = await freshTask();
    const add = async (title: string) =>
      (await call<number>(context.hookAs(2), 'task.checklistitem.add', { TASKID: taskId, FIELDS: { TITLE: title } }))
        .result;
    const a = await add('A');
    const b = await add('B');
    const c = await add('C');
    const updated = await call(context.hookAs(2), 'task.checklistitem.update', {
      TASKID: taskId,
      ITEMID: a,
      FIELDS: { TITLE: 'A (renamed)', IS_IMPORTANT: 'Y' },
    });
    expect(updated.result).toBeNull();
    expect(
      (await call(context.hookAs(2), 'task.checklistitem.moveafteritem', { TASKID: taskId, ITEMID: a, AFTERITEMID: c }))
        .result,
    ).toBeNull();
    const ordered = (
      await call<Row[]>(context.hookAs(2), 'task.checklistitem.getlist', {
        TASKID: taskId,
        ORDER: { SORT_INDEX: 'asc' },
      })
    ).result.filter((row) => row.PARENT_ID !== 0);
    expect(ordered.map((row) => row.TITLE)).toEqual(['B', 'C', 'A (renamed)']);
    expect(ordered[2]).toMatchObject({ IS_IMPORTANT: 'Y' });
    expect(
      (await wire(3, 'task.checklistitem.update', { TASKID: taskId, ITEMID: b, FIELDS: { TITLE: 'x' } })).body,
    ).toEqual({
      error: 'ERROR_CORE',
      error_description: 'TASKS_ERROR_EXCEPTION_#4; No access to edit the task; 4/TE/ACTION_NOT_ALLOWED<br>',
    });
    const root = (await rows(taskId)).find((row) => row.PARENT_ID === 0)!;
    expect(
      (await call(context.hookAs(2), 'task.checklistitem.delete', { TASKID: taskId, ITEMID: root.ID })).result,
    ).toBe(true);
    expect(await rows(taskId)).toEqual([]);
  });
});

describe('a task with its checklist in one batch', () => {
  it('adds the items with TASKID = $result[task][task][id], and the task answers them in `checklist`', async () => {
    const response = await context.hookAs(2).actions.v2.batch.make({
      calls: {
        task: {
          method: 'tasks.task.add',
          params: { fields: { TITLE: 'From a playbook', RESPONSIBLE_ID: 4, XML_ID: 'smart-tasks:template:approve' } },
        },
        one: {
          method: 'task.checklistitem.add',
          params: { TASKID: '$result[task][task][id]', FIELDS: { TITLE: 'Check the budget', SORT_INDEX: 1 } },
        },
        two: {
          method: 'task.checklistitem.add',
          params: { TASKID: '$result[task][task][id]', FIELDS: { TITLE: 'Ask the CFO', SORT_INDEX: 2 } },
        },
      },
      options: { isHaltOnError: true },
    });
    expect(response.isSuccess).toBe(true);
    const data = response.getData() as { task: { task: { id: string } }; one: number; two: number };
    const taskId = Number(data.task.task.id);
    expect(typeof data.one).toBe('number');
    const { result } = await call<{
      task: { checklist: Record<string, { title: string; isComplete: string; parentId: unknown }> };
    }>(context.hookAs(4), 'tasks.task.get', { taskId, select: ['ID', 'CHECKLIST'] });
    expect(Object.values(result.task.checklist).map((item) => [item.title, item.isComplete])).toEqual([
      ['Checklist 1', 'N'],
      ['Check the budget', 'N'],
      ['Ask the CFO', 'N'],
    ]);
  });
});

describe('what checklist items cost on a cloud portal', () => {
  it('reports the docs’ figures for add and getlist', async () => {
    const taskId = await freshTask();
    await context.control.useCloudProfile({ timeScale: 20 });
    try {
      const added = await call<number>(context.hookAs(2), 'task.checklistitem.add', {
        TASKID: taskId,
        FIELDS: { TITLE: 'Costed' },
      });
      expect((added.time as { processing: number }).processing).toBeGreaterThanOrEqual(0.248);
      const listed = await call(context.hookAs(2), 'task.checklistitem.getlist', { TASKID: taskId });
      // 0.345 s and 0.0014 s for each of the two rows (the automatic checklist and the item)
      expect((listed.time as { processing: number }).processing).toBeGreaterThanOrEqual(0.345 + 2 * 0.0014);
    } finally {
      await context.control.configure({ cost: 'instant', timeScale: 1 });
    }
  });
});
