/**
 * crm.type.add / crm.type.delete as documented (crm-type-add.md, crm-type-delete.md), and the
 * "true"/"false" strings the portal wants for linked user fields and relations, on add and update.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callFailure, rawWebhookCall, startContractPortal } from './contract-harness';
import type { ContractPortal } from './contract-harness';

interface TypeResult {
  type: Record<string, unknown> & {
    id: number;
    entityTypeId: number;
    linkedUserFields: Record<string, string>;
    relations: { parent: unknown[]; child: unknown[] };
  };
}

let context: ContractPortal;
beforeAll(async () => {
  context = await startContractPortal({ appUrl: 'http://127.0.0.1:5999/' });
});
afterAll(async () => {
  await context.portal.close();
});

describe('crm.type.add', () => {
  it('answers the documented example with the documented shape', async () => {
    const { result } = await call<TypeResult>(context.hook, 'crm.type.add', {
      fields: {
        title: 'SPA',
        entityTypeId: 2024,
        isCategoriesEnabled: 'Y',
        isClientEnabled: 'Y',
        isUseInUserfieldEnabled: 'Y',
        linkedUserFields: { 'CALENDAR_EVENT|UF_CRM_CAL_EVENT': 'true', 'TASKS_TASK|UF_CRM_TASK': 'true' },
        relations: {
          parent: [
            { entityTypeId: 1, isChildrenListEnabled: 'true' },
            { entityTypeId: 2, isChildrenListEnabled: 'true' },
            { entityTypeId: 31, isChildrenListEnabled: 'true' },
          ],
          child: [{ entityTypeId: 3, isChildrenListEnabled: 'true' }, { entityTypeId: 4 }],
        },
      },
    });
    expect(result.type).toMatchObject({
      entityTypeId: 2024,
      createdBy: 1,
      updatedBy: 1,
      title: 'SPA',
      isCategoriesEnabled: 'Y',
      isClientEnabled: 'Y',
      isUseInUserfieldEnabled: 'Y',
      isStagesEnabled: 'N',
      isSetOpenPermissions: 'Y',
      isPaymentsEnabled: 'N',
      customSections: [],
      customSectionId: null,
      linkedUserFields: {
        'CALENDAR_EVENT|UF_CRM_CAL_EVENT': 'Y',
        'TASKS_TASK|UF_CRM_TASK': 'Y',
        'TASKS_TASK_TEMPLATE|UF_CRM_TASK': 'N',
      },
      relations: {
        parent: [
          { entityTypeId: 3, isChildrenListEnabled: 'Y', isPredefined: 'Y' },
          { entityTypeId: 4, isChildrenListEnabled: 'Y', isPredefined: 'Y' },
          { entityTypeId: 1, isChildrenListEnabled: 'Y', isPredefined: 'N' },
          { entityTypeId: 2, isChildrenListEnabled: 'Y', isPredefined: 'N' },
          { entityTypeId: 31, isChildrenListEnabled: 'Y', isPredefined: 'N' },
        ],
        child: [
          { entityTypeId: 3, isChildrenListEnabled: 'Y', isPredefined: 'N' },
          { entityTypeId: 4, isChildrenListEnabled: 'N', isPredefined: 'N' },
        ],
      },
    });
    expect(typeof result.type.id).toBe('number');
    expect(result.type.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(result.type).not.toHaveProperty('code');
  });

  it('allocates the next free entityTypeId and gives the type a default funnel with the five default stages', async () => {
    const { result } = await call<TypeResult>(context.hook, 'crm.type.add', {
      fields: { title: 'Site Inspections', isStagesEnabled: 'Y' },
    });
    const { entityTypeId } = result.type;
    expect(entityTypeId).toBe(188);
    expect(result.type.linkedUserFields).toEqual({
      'CALENDAR_EVENT|UF_CRM_CAL_EVENT': 'N',
      'TASKS_TASK|UF_CRM_TASK': 'N',
      'TASKS_TASK_TEMPLATE|UF_CRM_TASK': 'N',
    });

    const categories = await call<{ categories: Array<{ id: number }> }>(context.hook, 'crm.category.list', {
      entityTypeId,
    });
    expect(categories.total).toBe(1);
    const [category] = categories.result.categories;
    expect(category).toEqual({ id: category!.id, name: 'General', sort: 500, entityTypeId, isDefault: 'Y' });

    const stages = await call<Array<Record<string, unknown>>>(context.hook, 'crm.status.list', {
      filter: { ENTITY_ID: `DYNAMIC_${entityTypeId}_STAGE_${category!.id}` },
    });
    expect(
      stages.result.map((stage) => [
        stage.STATUS_ID,
        stage.NAME,
        stage.NAME_INIT,
        stage.SORT,
        stage.SYSTEM,
        stage.COLOR,
        stage.SEMANTICS,
      ]),
    ).toEqual([
      [`DT${entityTypeId}_${category!.id}:NEW`, 'Start', 'Start', '10', 'Y', '#22B9FF', null],
      [`DT${entityTypeId}_${category!.id}:PREPARATION`, 'Preparation', 'Preparation', '20', 'N', '#88B9FF', null],
      [`DT${entityTypeId}_${category!.id}:CLIENT`, 'Approval', 'Approval', '30', 'N', '#10e5fc', null],
      [`DT${entityTypeId}_${category!.id}:SUCCESS`, 'Success', 'Success', '40', 'Y', '#00ff00', 'S'],
      [`DT${entityTypeId}_${category!.id}:FAIL`, 'Failure', 'Failure', '50', 'Y', '#ff0000', 'F'],
    ]);

    const item = await call<{ item: { id: number; stageId: string; categoryId: number } }>(
      context.hook,
      'crm.item.add',
      { entityTypeId, fields: { title: 'Roof check' } },
    );
    expect(item.result.item).toMatchObject({
      id: 1,
      categoryId: category!.id,
      stageId: `DT${entityTypeId}_${category!.id}:NEW`,
    });
  });

  it('makes the new type known to every list: crm.type.list, crm.enum.ownertype and placement.list', async () => {
    const { result } = await call<TypeResult>(context.hook, 'crm.type.add', {
      fields: { title: 'Vehicle Fleet', entityTypeId: 130 },
    });
    expect(result.type.entityTypeId).toBe(130);
    const types = await call<{ types: Array<{ entityTypeId: number }> }>(context.hook, 'crm.type.list', {
      filter: { entityTypeId: 130 },
    });
    expect(types.result.types).toHaveLength(1);
    const owners = await call<Array<{ ID: number; SYMBOL_CODE_SHORT: string }>>(context.hook, 'crm.enum.ownertype');
    expect(owners.result).toContainEqual({
      ID: 130,
      NAME: 'Vehicle Fleet',
      SYMBOL_CODE: 'DYNAMIC_130',
      SYMBOL_CODE_SHORT: 'T82',
    });
    const placements = await call<string[]>(context.app(1), 'placement.list');
    expect(placements.result).toEqual(
      expect.arrayContaining([
        'CRM_DYNAMIC_130_DETAIL_TAB',
        'CRM_DYNAMIC_130_LIST_TOOLBAR',
        'CRM_DYNAMIC_130_ACTIVITY_TIMELINE_MENU',
      ]),
    );
    expect(
      await call(context.app(1), 'placement.bind', {
        PLACEMENT: 'CRM_DYNAMIC_130_DETAIL_TAB',
        HANDLER: 'https://app.example.com/tab',
        TITLE: 'Tasks',
      }),
    ).toMatchObject({ result: true });
  });

  it('switches a linked user field on only for the string "true", and only when use in user fields is on', async () => {
    const withY = await call<TypeResult>(context.hook, 'crm.type.add', {
      fields: {
        title: 'Links with Y',
        isUseInUserfieldEnabled: 'Y',
        linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'Y', 'CALENDAR_EVENT|UF_CRM_CAL_EVENT': true },
      },
    });
    expect(withY.result.type.linkedUserFields).toMatchObject({
      'TASKS_TASK|UF_CRM_TASK': 'N',
      'CALENDAR_EVENT|UF_CRM_CAL_EVENT': 'N',
    });
    const withoutUse = await call<TypeResult>(context.hook, 'crm.type.add', {
      fields: { title: 'Links without use', linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'true' } },
    });
    expect(withoutUse.result.type.linkedUserFields['TASKS_TASK|UF_CRM_TASK']).toBe('N');

    const task = await call<{ task: { id: string } }>(context.hook, 'tasks.task.add', {
      fields: {
        TITLE: 'Check the link',
        RESPONSIBLE_ID: 1,
        UF_CRM_TASK: [`T${withY.result.type.entityTypeId.toString(16)}_1`],
      },
    });
    const read = await call<{ task: { ufCrmTask: unknown } }>(context.hook, 'tasks.task.get', {
      taskId: task.result.task.id,
      select: ['UF_CRM_TASK'],
    });
    expect(read.result.task.ufCrmTask).toBe(false);
  });

  it('refuses an entityTypeId outside the allowed ranges, a missing fields parameter and a user who is not a CRM administrator', async () => {
    expect(
      await rawWebhookCall(context.portal, 'crm.type.add', { fields: { title: 'Too low', entityTypeId: 100 } }),
    ).toEqual({
      status: 400,
      body: { error: 'INVALID_ARG_VALUE', error_description: 'entityTypeId is out of allowed range' },
    });
    expect(
      await callFailure(context.hook, 'crm.type.add', { fields: { title: 'Odd', entityTypeId: 1031 } }),
    ).toMatchObject({ code: 'INVALID_ARG_VALUE', status: 400 });
    expect(
      await callFailure(context.hook, 'crm.type.add', { fields: { title: 'Taken', entityTypeId: 177 } }),
    ).toMatchObject({ status: 400 });
    expect(await rawWebhookCall(context.portal, 'crm.type.add', {})).toEqual({
      status: 400,
      body: { error: 100, error_description: 'Could not find value for parameter {fields}' },
    });
    expect(await callFailure(context.hookAs(2), 'crm.type.add', { fields: { title: 'Not mine' } })).toMatchObject({
      code: 'ACCESS_DENIED',
      status: 400,
    });
  });
});

describe('crm.type.update', () => {
  it('reads linkedUserFields and relation flags as "true"/"false": "Y" switches a link off', async () => {
    const on = await call<TypeResult>(context.hook, 'crm.type.update', {
      id: 11,
      fields: { isUseInUserfieldEnabled: 'Y', linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'true' } },
    });
    expect(on.result.type).toMatchObject({
      isUseInUserfieldEnabled: 'Y',
      linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'Y', 'CALENDAR_EVENT|UF_CRM_CAL_EVENT': 'N' },
    });
    const withY = await call<TypeResult>(context.hook, 'crm.type.update', {
      id: 11,
      fields: { linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'Y' } },
    });
    expect(withY.result.type.linkedUserFields['TASKS_TASK|UF_CRM_TASK']).toBe('N');
    const relations = await call<TypeResult>(context.hook, 'crm.type.update', {
      id: 11,
      fields: {
        relations: {
          parent: [],
          child: [
            { entityTypeId: 1, isChildrenListEnabled: 'true' },
            { entityTypeId: 2, isChildrenListEnabled: 'Y' },
          ],
        },
      },
    });
    expect(relations.result.type.relations).toEqual({
      parent: [],
      child: [
        { entityTypeId: 1, isChildrenListEnabled: 'Y', isPredefined: 'N' },
        { entityTypeId: 2, isChildrenListEnabled: 'N', isPredefined: 'N' },
      ],
    });
  });
});

describe('crm.type.delete', () => {
  it('deletes an empty type with its funnels and widgets, answering []', async () => {
    const { result } = await call<TypeResult>(context.hook, 'crm.type.add', {
      fields: { title: 'Short-lived', entityTypeId: 1040 },
    });
    await call(context.app(1), 'placement.bind', {
      PLACEMENT: 'CRM_DYNAMIC_1040_DETAIL_TAB',
      HANDLER: 'https://app.example.com/tab',
      TITLE: 'Tasks',
    });
    expect(await rawWebhookCall(context.portal, 'crm.type.delete', { id: result.type.id })).toMatchObject({
      status: 200,
      body: { result: [] },
    });
    expect(await rawWebhookCall(context.portal, 'crm.type.getByEntityTypeId', { entityTypeId: 1040 })).toMatchObject({
      status: 400,
      body: { error: 0 },
    });
    const categories = await callFailure(context.hook, 'crm.category.list', { entityTypeId: 1040 });
    expect(categories).toMatchObject({ code: 'NOT_FOUND' });
    const bound = await call<Array<{ placement: string }>>(context.app(1), 'placement.get');
    expect(bound.result.map((binding) => binding.placement)).not.toContain('CRM_DYNAMIC_1040_DETAIL_TAB');
    const available = await call<string[]>(context.app(1), 'placement.list');
    expect(available.result).not.toContain('CRM_DYNAMIC_1040_DETAIL_TAB');
  });

  it('refuses a type that has items, an unknown id and a user who is not a CRM administrator', async () => {
    expect(await rawWebhookCall(context.portal, 'crm.type.delete', { id: 7 })).toEqual({
      status: 400,
      body: { error: 'BX_ERROR', error_description: 'You cannot delete an entity type that has elements' },
    });
    expect(await rawWebhookCall(context.portal, 'crm.type.delete', { id: 999 })).toEqual({
      status: 400,
      body: { error: 0, error_description: 'Smart process not found' },
    });
    expect(await callFailure(context.hookAs(2), 'crm.type.delete', { id: 9 })).toMatchObject({
      code: 'ACCESS_DENIED',
      status: 400,
    });
    expect((await rawWebhookCall(context.portal, 'crm.type.delete', {})).body).toMatchObject({ result: null });
  });
});
