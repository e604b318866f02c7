/**
 * What tasks.task.add refuses and accepts (docs tasks-task-add.md; where the docs are silent the
 * emulator's choice is stated in portal/README.md): a title longer than 255 characters is refused,
 * a dismissed responsible is accepted, a link to a deleted item is kept and a link to a deleted
 * smart process dropped; crm.item.delete leaves the item unreadable and its tasks' links as they were.
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

type TaskAnswer = { task: { id: string; title: string; responsibleId: string; ufCrmTask?: string[] } };

async function addTask(fields: Record<string, unknown>): Promise<TaskAnswer['task']> {
  const { result } = await call<TaskAnswer>(context.hook, 'tasks.task.add', { fields });
  return result.task;
}

async function links(taskId: string): Promise<string[]> {
  const { result } = await call<TaskAnswer>(context.hook, 'tasks.task.get', { taskId, select: ['ID', 'UF_CRM_TASK'] });
  return result.task.ufCrmTask ?? [];
}

describe('tasks.task.add title length', () => {
  it('accepts 255 characters (emoji count as one) and refuses 256 with ERROR_CORE', async () => {
    expect((await addTask({ TITLE: 'a'.repeat(255), RESPONSIBLE_ID: 1 })).title).toHaveLength(255);
    expect([...(await addTask({ TITLE: '🚀'.repeat(255), RESPONSIBLE_ID: 1 })).title]).toHaveLength(255);
    const refused = await callFailure(context.hook, 'tasks.task.add', {
      fields: { TITLE: `${'b'.repeat(256)}`, RESPONSIBLE_ID: 1 },
    });
    expect(refused).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(refused.message).toContain('Task title is too long (255 characters at most)');
    const { total } = await call(context.hook, 'tasks.task.list', {
      filter: { TITLE: 'b'.repeat(256) },
      select: ['ID'],
    });
    expect(total).toBe(0);
  });

  it('refuses the same on tasks.task.update and keeps the old title', async () => {
    const task = await addTask({ TITLE: 'Short title', RESPONSIBLE_ID: 1 });
    expect(
      await callFailure(context.hook, 'tasks.task.update', { taskId: task.id, fields: { TITLE: 'c'.repeat(300) } }),
    ).toMatchObject({ code: 'ERROR_CORE' });
    const { result } = await call<TaskAnswer>(context.hook, 'tasks.task.get', {
      taskId: task.id,
      select: ['ID', 'TITLE'],
    });
    expect(result.task.title).toBe('Short title');
  });
});

describe('tasks.task.add responsible and links', () => {
  it('accepts a dismissed responsible (the docs refuse only an unknown user)', async () => {
    expect((await addTask({ TITLE: 'For a former buyer', RESPONSIBLE_ID: 8 })).responsibleId).toBe('8');
    expect(
      await callFailure(context.hook, 'tasks.task.add', { fields: { TITLE: 'For nobody', RESPONSIBLE_ID: 999 } }),
    ).toMatchObject({ code: 'ERROR_CORE', status: 400 });
  });

  it('keeps a link to a deleted item, drops one to a deleted smart process; crm.item.delete leaves tasks linked', async () => {
    const created = await call<{ type: { id: number; entityTypeId: number } }>(context.hook, 'crm.type.add', {
      fields: {
        title: 'Temporary requests',
        isUseInUserfieldEnabled: 'Y',
        linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'true' },
      },
    });
    const { id: typeId, entityTypeId } = created.result.type;
    const prefix = `T${entityTypeId.toString(16)}`;
    const item = await call<{ item: { id: number } }>(context.hook, 'crm.item.add', {
      entityTypeId,
      fields: { title: 'Soon gone' },
    });
    const itemId = item.result.item.id;
    const before = await addTask({
      TITLE: 'Linked before delete',
      RESPONSIBLE_ID: 1,
      UF_CRM_TASK: [`${prefix}_${itemId}`],
    });
    expect(await links(before.id)).toEqual([`${prefix}_${itemId}`]);

    await call(context.hook, 'crm.item.delete', { entityTypeId, id: itemId });
    expect(await callFailure(context.hook, 'crm.item.get', { entityTypeId, id: itemId })).toMatchObject({
      code: 'NOT_FOUND',
      status: 400,
    });
    expect(await links(before.id)).toEqual([`${prefix}_${itemId}`]);
    const afterItem = await addTask({
      TITLE: 'Linked after item delete',
      RESPONSIBLE_ID: 1,
      UF_CRM_TASK: [`${prefix}_${itemId}`],
    });
    expect(await links(afterItem.id)).toEqual([`${prefix}_${itemId}`]);

    await call(context.hook, 'crm.type.delete', { id: typeId });
    const afterType = await addTask({
      TITLE: 'Linked after type delete',
      RESPONSIBLE_ID: 1,
      UF_CRM_TASK: [`${prefix}_${itemId}`, 'Tb1_29'],
    });
    expect(await links(afterType.id)).toEqual(['Tb1_29']);
  });
});
