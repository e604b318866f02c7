/**
 * XML_ID on tasks (fields.md `xmlId`, "External identifier"): written by tasks.task.add/update,
 * returned by get/list in the default set and when selected, filtered exactly by tasks.task.list
 * (the filter key task.items.getlist documents for the same task filter).
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, contractPortalForThisFile } from './contract-harness';

type Task = Record<string, unknown> & { id: string };

const context = contractPortalForThisFile();

async function addTask(fields: Record<string, unknown>): Promise<Task> {
  const { result } = await call<{ task: Task }>(context.hook, 'tasks.task.add', {
    fields: { TITLE: 'Playbook task', RESPONSIBLE_ID: 2, UF_CRM_TASK: ['Tb1_29'], ...fields },
  });
  return result.task;
}

describe('XML_ID on tasks', () => {
  it('is written by add, returned by get when selected and in the default set, and null when never set', async () => {
    const added = await addTask({ XML_ID: 'smart-tasks:template:approve-budget' });
    expect(added.xmlId).toBe('smart-tasks:template:approve-budget');

    const selected = await call<{ task: Task }>(context.hook, 'tasks.task.get', {
      taskId: added.id,
      select: ['ID', 'XML_ID'],
    });
    expect(selected.result.task).toMatchObject({ id: added.id, xmlId: 'smart-tasks:template:approve-budget' });
    expect(selected.result.task).not.toHaveProperty('title');

    const everything = await call<{ task: Task }>(context.hook, 'tasks.task.get', { taskId: added.id });
    expect(everything.result.task.xmlId).toBe('smart-tasks:template:approve-budget');

    const seeded = await call<{ task: Task }>(context.hook, 'tasks.task.get', { taskId: 101, select: ['XML_ID'] });
    expect(seeded.result.task.xmlId).toBeNull();
  });

  it('is changed and cleared by update', async () => {
    const added = await addTask({ XML_ID: 'smart-tasks:template:first' });
    const changed = await call<{ task: Task }>(context.hook, 'tasks.task.update', {
      taskId: added.id,
      fields: { XML_ID: 'smart-tasks:template:second' },
    });
    expect(changed.result.task.xmlId).toBe('smart-tasks:template:second');
    await call(context.hook, 'tasks.task.update', { taskId: added.id, fields: { XML_ID: '' } });
    const cleared = await call<{ task: Task }>(context.hook, 'tasks.task.get', {
      taskId: added.id,
      select: ['XML_ID'],
    });
    expect(cleared.result.task.xmlId).toBeNull();
  });

  it('filters tasks.task.list exactly by XML_ID, and selects it per row', async () => {
    const wanted = await addTask({ XML_ID: 'smart-tasks:template:sign-contract' });
    await addTask({ XML_ID: 'smart-tasks:template:sign-contract-2' });
    const { result, total } = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { XML_ID: 'smart-tasks:template:sign-contract', UF_CRM_TASK: 'Tb1_29' },
      select: ['ID', 'XML_ID'],
    });
    expect(total).toBe(1);
    expect(result.tasks).toEqual([
      expect.objectContaining({ id: wanted.id, xmlId: 'smart-tasks:template:sign-contract' }),
    ]);

    const linked = await call<{ tasks: Task[] }>(context.hook, 'tasks.task.list', {
      filter: { UF_CRM_TASK: 'Tb1_29' },
      select: ['ID', 'XML_ID'],
      order: { ID: 'ASC' },
    });
    expect(linked.result.tasks.find((task) => task.id === '101')?.xmlId).toBeNull();
    expect(linked.result.tasks.find((task) => task.id === wanted.id)?.xmlId).toBe('smart-tasks:template:sign-contract');
  });

  it('refuses an XML_ID longer than 200 characters instead of cutting it (the emulator’s choice)', async () => {
    const failure = await callFailure(context.hook, 'tasks.task.add', {
      fields: { TITLE: 'Too long', RESPONSIBLE_ID: 2, XML_ID: 'x'.repeat(201) },
    });
    expect(failure).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(failure.message).toContain('External code is too long');
  });
});
