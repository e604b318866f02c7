/**
 * Smart processes and what hangs off them: crm.enum.ownertype, crm.type.*, funnels
 * (crm.category.*), stages (crm.status.list), custom field settings (userfieldconfig.*) and
 * timeline activities (crm.activity.*).
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, rawWebhookCall, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

describe('crm.enum.ownertype', () => {
  it('lists system types and every smart process with its short code', async () => {
    const { result } = await call<Array<{ ID: number; NAME: string; SYMBOL_CODE: string; SYMBOL_CODE_SHORT: string }>>(
      context.hookAs(6),
      'crm.enum.ownertype',
    );
    expect(result).toContainEqual({ ID: 2, NAME: 'Deal', SYMBOL_CODE: 'DEAL', SYMBOL_CODE_SHORT: 'D' });
    expect(
      result.filter((type) => type.SYMBOL_CODE.startsWith('DYNAMIC_')).map((type) => [type.ID, type.SYMBOL_CODE_SHORT]),
    ).toEqual([
      [177, 'Tb1'],
      [156, 'T9c'],
      [183, 'Tb7'],
      [187, 'Tbb'],
    ]);
  });
});

describe('crm.type.*', () => {
  it('lists types for a CRM administrator only', async () => {
    const { result, total } = await call<{ types: Array<Record<string, unknown>> }>(context.hook, 'crm.type.list', {
      order: { entityTypeId: 'ASC' },
    });
    expect(total).toBe(4);
    expect(result.types.map((type) => type.entityTypeId)).toEqual([156, 177, 183, 187]);
    expect(result.types[1]).toMatchObject({
      id: 7,
      title: 'Equipment Purchase',
      entityTypeId: 177,
      isCategoriesEnabled: 'Y',
      isUseInUserfieldEnabled: 'Y',
      customSectionId: null,
    });
    expect(await callFailure(context.hookAs(2), 'crm.type.list')).toMatchObject({ code: 'ACCESS_DENIED', status: 400 });
  });

  it('gets one type with its relations and linked user fields; the type without task links says so', async () => {
    const { result } = await call<{ type: Record<string, unknown> }>(context.hookAs(3), 'crm.type.getByEntityTypeId', {
      entityTypeId: 187,
    });
    expect(result.type).toMatchObject({
      id: 11,
      entityTypeId: 187,
      title: 'Supplier Contracts',
      isUseInUserfieldEnabled: 'N',
      linkedUserFields: {
        'TASKS_TASK|UF_CRM_TASK': 'N',
        'CALENDAR_EVENT|UF_CRM_CAL_EVENT': 'N',
        'TASKS_TASK_TEMPLATE|UF_CRM_TASK': 'N',
      },
      customSections: [],
    });
    const byId = await call<{ type: Record<string, unknown> }>(context.hook, 'crm.type.get', { id: 7 });
    expect(byId.result.type).toMatchObject({
      entityTypeId: 177,
      relations: {
        parent: [
          { entityTypeId: 3, isChildrenListEnabled: 'Y', isPredefined: 'Y' },
          { entityTypeId: 4, isChildrenListEnabled: 'Y', isPredefined: 'Y' },
          { entityTypeId: 156, isChildrenListEnabled: 'Y', isPredefined: 'N' },
        ],
        child: [],
      },
    });
    // Service Requests has no Client field: no predefined parents.
    const noClient = await call<{ type: { relations: unknown } }>(context.hook, 'crm.type.getByEntityTypeId', {
      entityTypeId: 183,
    });
    expect(noClient.result.type.relations).toEqual({ parent: [], child: [] });
  });

  it('reports a missing type with the integer error code 0 and HTTP 400', async () => {
    expect(await rawWebhookCall(context.portal, 'crm.type.get', { id: 999 })).toEqual({
      status: 400,
      body: { error: 0, error_description: 'SPA not found' },
    });
    expect(await rawWebhookCall(context.portal, 'crm.type.getByEntityTypeId', { entityTypeId: 999 })).toEqual({
      status: 400,
      body: { error: 0, error_description: 'Smart process not found' },
    });
  });

  it('denies a type to a user without rights to it, and crm.type.update to a non-administrator', async () => {
    expect(await callFailure(context.hookAs(6), 'crm.type.getByEntityTypeId', { entityTypeId: 156 })).toMatchObject({
      code: 'ACCESS_DENIED',
    });
    expect(
      await callFailure(context.hookAs(2), 'crm.type.update', { id: 11, fields: { isUseInUserfieldEnabled: 'Y' } }),
    ).toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('describes the type fields as documented, with upperName, to a CRM administrator only', async () => {
    const { result } = await call<{ fields: Record<string, Record<string, unknown>> }>(context.hook, 'crm.type.fields');
    expect(result.fields.title).toEqual({
      type: 'string',
      isRequired: true,
      isReadOnly: false,
      isImmutable: false,
      isMultiple: false,
      isDynamic: false,
      title: 'Title',
      upperName: 'TITLE',
    });
    expect(result.fields.entityTypeId).toMatchObject({
      type: 'integer',
      isRequired: true,
      isImmutable: true,
      upperName: 'ENTITY_TYPE_ID',
    });
    expect(result.fields.isUseInUserfieldEnabled).toMatchObject({
      type: 'boolean',
      title: 'Use in user field',
      upperName: 'IS_USE_IN_USERFIELD_ENABLED',
    });
    expect(Object.keys(result.fields)).toHaveLength(23);
    expect(result.fields).not.toHaveProperty('isPaymentsEnabled');
    expect(await callFailure(context.hookAs(2), 'crm.type.fields')).toMatchObject({
      code: 'ACCESS_DENIED',
      status: 400,
    });
  });
});

describe('funnels and stages', () => {
  it('lists the funnels of a smart process with integer ids and Y/N isDefault', async () => {
    const { result, total } = await call<{ categories: unknown[] }>(context.hook, 'crm.category.list', {
      entityTypeId: 183,
    });
    expect(total).toBe(3);
    expect(result.categories[0]).toEqual({ id: 11, name: 'Support', sort: 100, entityTypeId: 183, isDefault: 'Y' });
    const one = await call<{ category: unknown }>(context.hook, 'crm.category.get', { entityTypeId: 177, id: 9 });
    expect(one.result.category).toEqual({
      id: 9,
      name: 'Urgent procurement',
      sort: 200,
      entityTypeId: 177,
      isDefault: 'N',
    });
  });

  it('lists the stages of a funnel as a bare array of strings, with success and failure semantics', async () => {
    const { result, total } = await call<Array<Record<string, unknown>>>(context.hook, 'crm.status.list', {
      filter: { ENTITY_ID: 'DYNAMIC_177_STAGE_7' },
      order: { SORT: 'ASC' },
    });
    expect(total).toBe(6);
    expect(result.map((stage) => stage.STATUS_ID)).toEqual([
      'DT177_7:NEW',
      'DT177_7:PREPARATION',
      'DT177_7:CLIENT',
      'DT177_7:UC_ORDERED',
      'DT177_7:SUCCESS',
      'DT177_7:FAIL',
    ]);
    expect(result[0]).toEqual({
      ID: expect.stringMatching(/^\d+$/),
      ENTITY_ID: 'DYNAMIC_177_STAGE_7',
      STATUS_ID: 'DT177_7:NEW',
      NAME: 'New request',
      NAME_INIT: 'Start',
      SORT: '10',
      SYSTEM: 'Y',
      CATEGORY_ID: '7',
      COLOR: '#22B9FF',
      SEMANTICS: null,
    });
    expect(result.map((stage) => stage.SEMANTICS)).toEqual([null, null, null, null, 'S', 'F']);
    // NAME_INIT is the name a default stage was created with; a stage added later has none.
    expect(result.map((stage) => stage.NAME_INIT)).toEqual([
      'Start',
      'Preparation',
      'Approval',
      '',
      'Success',
      'Failure',
    ]);
  });

  it('returns [] for an unknown directory and rejects a non-string ENTITY_ID', async () => {
    const unknown = await call<unknown[]>(context.hook, 'crm.status.list', { filter: { ENTITY_ID: 'DYNAMIC_7' } });
    expect(unknown.result).toEqual([]);
    expect(
      await rawWebhookCall(context.portal, 'crm.status.list', { filter: { ENTITY_ID: ['DYNAMIC_177_STAGE_7'] } }),
    ).toEqual({
      status: 400,
      body: { error: '', error_description: 'Filter by ENTITY_ID must be a string' },
    });
  });
});

describe('userfieldconfig.*', () => {
  it('lists the custom field settings of a smart process with string ids, Y/N flags, labels and enum values', async () => {
    const { result, total } = await call<{ fields: Array<Record<string, unknown>> }>(
      context.hook,
      'userfieldconfig.list',
      { moduleId: 'crm', filter: { entityId: 'CRM_7' } },
    );
    expect(total).toBe(12);
    const priority = result.fields.find((field) => field.fieldName === 'UF_CRM_7_PRIORITY');
    expect(priority).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      entityId: 'CRM_7',
      userTypeId: 'enumeration',
      multiple: 'N',
      mandatory: 'N',
      sort: '800',
      editFormLabel: { en: 'Priority', ru: 'Приоритет', de: 'Priorität' },
    });
    const got = await call<{ field: Record<string, unknown> }>(context.hook, 'userfieldconfig.get', {
      moduleId: 'crm',
      id: priority!.id,
    });
    expect(got.result.field.fieldName).toBe('UF_CRM_7_PRIORITY');
    expect((got.result.field.enum as Array<Record<string, unknown>>)[2]).toMatchObject({
      value: 'High',
      def: 'N',
      sort: '300',
    });
  });

  it('is outside the app token scopes (insufficient_scope)', async () => {
    expect(await callFailure(context.app(2), 'userfieldconfig.list', { moduleId: 'crm' })).toMatchObject({
      code: 'insufficient_scope',
      status: 403,
    });
  });
});

describe('crm.activity.*', () => {
  it('lists the timeline activities of an item with SUBJECT and owner as strings', async () => {
    const { result, total } = await call<Array<Record<string, string>>>(context.hook, 'crm.activity.list', {
      filter: { OWNER_TYPE_ID: 177, OWNER_ID: 29 },
      select: ['ID', 'SUBJECT', 'OWNER_TYPE_ID', 'OWNER_ID', 'TYPE_ID', 'COMPLETED'],
    });
    expect(total).toBe(4);
    expect(result.map((activity) => activity.SUBJECT)).toEqual([
      'Quote request sent to Miele Professional',
      'Call with Miele about the installation',
      'On-site inspection of the laundry room',
      'Check the budget approval',
    ]);
    expect(result[0]).toEqual({
      ID: '8001',
      SUBJECT: 'Quote request sent to Miele Professional',
      OWNER_TYPE_ID: '177',
      OWNER_ID: '29',
      TYPE_ID: '4',
      COMPLETED: 'Y',
    });
  });

  it('gets one activity and reports a missing one', async () => {
    const { result } = await call<Record<string, unknown>>(context.hook, 'crm.activity.get', { id: 8002 });
    expect(result).toMatchObject({
      ID: '8002',
      OWNER_TYPE_ID: '177',
      OWNER_ID: '29',
      PROVIDER_ID: 'VOXIMPLANT_CALL',
      SETTINGS: [],
      RESULT_VALUE: null,
    });
    expect(await rawWebhookCall(context.portal, 'crm.activity.get', { id: 1 })).toEqual({
      status: 400,
      body: { error: '', error_description: 'Activity is not found' },
    });
  });

  it('filters by BINDINGS', async () => {
    const { total } = await call<unknown[]>(context.hook, 'crm.activity.list', {
      filter: { BINDINGS: [{ OWNER_TYPE_ID: 187 }] },
    });
    expect(total).toBeGreaterThan(0);
  });
});
