/**
 * The documented flow of attaching a task to a smart-process item (seeds/attach-task-to-smart-process.txt),
 * run with the real SDK's webhook client against the emulator over HTTPS.
 */
import { describe, expect, it } from 'vitest';
import { call, contractPortalForThisFile } from './contract-harness';

interface OwnerType {
  ID: number;
  NAME: string;
  SYMBOL_CODE: string;
  SYMBOL_CODE_SHORT: string;
}

const context = contractPortalForThisFile();

describe('attach a task to a smart-process item', () => {
  it('finds the type, finds the item by title, creates a linked task and reads the link back', async () => {
    const { hook } = context;
    const ownerTypes = await call<OwnerType[]>(hook, 'crm.enum.ownertype');
    const smartProcess = ownerTypes.result.find((type) => type.NAME === 'Equipment Purchase');
    expect(smartProcess).toEqual({
      ID: 177,
      NAME: 'Equipment Purchase',
      SYMBOL_CODE: 'DYNAMIC_177',
      SYMBOL_CODE_SHORT: 'Tb1',
    });

    const items = await call<{ items: Array<{ id: number; title: string }> }>(hook, 'crm.item.list', {
      entityTypeId: smartProcess!.ID,
      select: ['id', 'title'],
      filter: { title: 'Washing Machine' },
    });
    expect(items.result.items).toEqual([{ id: 29, title: 'Washing Machine' }]);

    const created = await call<{ task: { id: string; title: string; responsibleId: string } }>(hook, 'tasks.task.add', {
      fields: {
        TITLE: 'Check the washing machine delivery',
        RESPONSIBLE_ID: 2,
        UF_CRM_TASK: [`${smartProcess!.SYMBOL_CODE_SHORT}_${items.result.items[0]!.id}`],
      },
    });
    expect(created.result.task.id).toMatch(/^\d+$/);
    expect(created.result.task).toMatchObject({ title: 'Check the washing machine delivery', responsibleId: '2' });
    expect(created.result.task).not.toHaveProperty('ufCrmTask');

    const read = await call<{ task: { id: string; ufCrmTask: string[] } }>(hook, 'tasks.task.get', {
      taskId: Number(created.result.task.id),
      select: ['ID', 'TITLE', 'UF_CRM_TASK'],
    });
    expect(read.result.task.ufCrmTask).toEqual(['Tb1_29']);
    expect(read.result.task.id).toBe(created.result.task.id);
  });

  it('silently drops a link to a smart process that does not allow task links, until crm.type.update allows them', async () => {
    const { hook } = context;
    const created = await call<{ task: { id: string } }>(hook, 'tasks.task.add', {
      fields: { TITLE: 'Renew the contract', RESPONSIBLE_ID: 5, UF_CRM_TASK: ['Tbb_3', 'Tb1_29'] },
    });
    const read = await call<{ task: { ufCrmTask: string[] } }>(hook, 'tasks.task.get', {
      taskId: created.result.task.id,
      select: ['UF_CRM_TASK'],
    });
    expect(read.result.task.ufCrmTask).toEqual(['Tb1_29']);

    const onlyForbidden = await call<{ task: { id: string } }>(hook, 'tasks.task.add', {
      fields: { TITLE: 'Renew the contract again', RESPONSIBLE_ID: 5, UF_CRM_TASK: ['Tbb_3'] },
    });
    const unlinked = await call<{ task: { ufCrmTask: unknown } }>(hook, 'tasks.task.get', {
      taskId: onlyForbidden.result.task.id,
      select: ['UF_CRM_TASK'],
    });
    expect(unlinked.result.task.ufCrmTask).toBe(false);

    const updated = await call<{ type: { isUseInUserfieldEnabled: string; linkedUserFields: Record<string, string> } }>(
      hook,
      'crm.type.update',
      {
        id: 11,
        fields: { isUseInUserfieldEnabled: 'Y', linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'true' } },
      },
    );
    expect(updated.result.type.isUseInUserfieldEnabled).toBe('Y');
    expect(updated.result.type.linkedUserFields['TASKS_TASK|UF_CRM_TASK']).toBe('Y');

    const linked = await call<{ task: { id: string } }>(hook, 'tasks.task.add', {
      fields: { TITLE: 'Renew the contract, linked', RESPONSIBLE_ID: 5, UF_CRM_TASK: ['Tbb_3'] },
    });
    const check = await call<{ task: { ufCrmTask: string[] } }>(hook, 'tasks.task.get', {
      taskId: linked.result.task.id,
      select: ['UF_CRM_TASK'],
    });
    expect(check.result.task.ufCrmTask).toEqual(['Tbb_3']);
  });
});
