/**
 * crm.item.* contracts: documented shapes and types, select/filter/order, 50-row pages with
 * next/total, start=-1 and keyset paging over the 1,240-item smart process, add/update/delete,
 * and the documented errors.
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, rawWebhookCall, contractPortalForThisFile } from './contract-harness';

type Item = Record<string, unknown> & { id: number; title: string };

const context = contractPortalForThisFile();

describe('crm.item.get', () => {
  it('returns the item with camelCase keys, integer ids, Y/N flags and custom fields in their documented forms', async () => {
    const { result } = await call<{ item: Item }>(context.hook, 'crm.item.get', { entityTypeId: 177, id: 29 });
    const item = result.item;
    expect(item).toMatchObject({
      id: 29,
      title: 'Washing Machine',
      entityTypeId: 177,
      categoryId: 7,
      stageId: 'DT177_7:CLIENT',
      previousStageId: 'DT177_7:PREPARATION',
      assignedById: 2,
      opened: 'Y',
      opportunity: 3400,
      currencyId: 'EUR',
      observers: [4],
      ufCrm7Supplier: 'Miele Professional',
      ufCrm7Quantity: 2,
      ufCrm7WeightKg: 85.5,
      ufCrm7Budget: '3400|EUR',
      ufCrm7Warranty: 'Y',
      ufCrm7Inspector: 4,
      ufCrm7Purchase: 'T9c_12',
      ufCrm7SerialNumbers: ['WM-8841-A', 'WM-8841-B'],
      ufCrm7_1763551201: 'CC-410 Laundry',
    });
    expect(item.createdTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    expect(item.ufCrm7DeliveryDate).toMatch(/T00:00:00\+03:00$/);
    expect(typeof item.ufCrm7Priority).toBe('number');
  });

  it('keeps the original custom field names with useOriginalUfNames=Y', async () => {
    const { result } = await call<{ item: Item }>(context.hook, 'crm.item.get', {
      entityTypeId: 177,
      id: 29,
      useOriginalUfNames: 'Y',
    });
    expect(result.item.UF_CRM_7_SUPPLIER).toBe('Miele Professional');
    expect(result.item).not.toHaveProperty('ufCrm7Supplier');
  });

  it('answers 400 NOT_FOUND for an unknown item and an unknown smart process', async () => {
    expect(await callFailure(context.hook, 'crm.item.get', { entityTypeId: 177, id: 99_999 })).toMatchObject({
      code: 'NOT_FOUND',
      status: 400,
      message: 'Element not found',
    });
    expect(await callFailure(context.hook, 'crm.item.get', { entityTypeId: 999, id: 1 })).toMatchObject({
      code: 'NOT_FOUND',
      status: 400,
      message: 'Smart process not found',
    });
  });

  it('denies a user without rights to the smart process', async () => {
    const failure = await callFailure(context.hookAs(6), 'crm.item.get', { entityTypeId: 156, id: 12 });
    expect(failure).toMatchObject({ code: 'ACCESS_DENIED', status: 400 });
  });

  it('leaves the items a user may not read out of crm.item.list instead of refusing (docs crm-item-list.md)', async () => {
    const { result, total, more } = await call<{ items: Item[] }>(context.hookAs(6), 'crm.item.list', {
      entityTypeId: 156,
      select: ['id'],
    });
    expect([result.items, total, more]).toEqual([[], 0, false]);
  });
});

describe('crm.item.fields', () => {
  it('describes system and custom fields with booleans, titles, upperName and enumeration items', async () => {
    const { result } = await call<{ fields: Record<string, Record<string, unknown>> }>(
      context.hook,
      'crm.item.fields',
      { entityTypeId: 177 },
    );
    expect(result.fields.id).toEqual({
      type: 'integer',
      isRequired: false,
      isReadOnly: true,
      isImmutable: false,
      isMultiple: false,
      isDynamic: false,
      title: 'ID',
      upperName: 'ID',
    });
    expect(result.fields.stageId).toMatchObject({
      type: 'crm_status',
      statusType: 'DYNAMIC_177_STAGE_7',
      upperName: 'STAGE_ID',
    });
    expect(result.fields.ufCrm7Priority).toMatchObject({
      type: 'enumeration',
      isDynamic: true,
      title: 'Priority',
      upperName: 'UF_CRM_7_PRIORITY',
      items: [
        { ID: '1001', VALUE: 'Low' },
        { ID: '1002', VALUE: 'Normal' },
        { ID: '1003', VALUE: 'High' },
        { ID: '1004', VALUE: 'Critical' },
      ],
    });
    const customTypes = Object.values(result.fields)
      .filter((field) => field.isDynamic)
      .map((field) => `${String(field.type)}${field.isMultiple ? '[]' : ''}`);
    expect(customTypes).toEqual(
      expect.arrayContaining([
        'string',
        'integer',
        'double',
        'money',
        'date',
        'datetime',
        'boolean',
        'enumeration',
        'employee',
        'crm',
        'string[]',
      ]),
    );
  });

  it('titles system fields as the docs example does, names parent fields after the parent type and lists `contacts`', async () => {
    const { result } = await call<{ fields: Record<string, Record<string, unknown>> }>(
      context.hook,
      'crm.item.fields',
      { entityTypeId: 177 },
    );
    const titles = Object.fromEntries(
      Object.entries(result.fields)
        .filter(([, field]) => !field.isDynamic)
        .map(([name, field]) => [name, field.title]),
    );
    expect(titles).toMatchObject({
      xmlId: 'External code',
      createdTime: 'Created at',
      updatedTime: 'Updated at',
      assignedById: 'Assigned to',
      opened: 'Publicly available',
      contactIds: 'CONTACT_IDS',
      contacts: 'CONTACTS',
      movedTime: 'Moved at',
      movedBy: 'Moved by',
      sourceDescription: 'Additional source info',
      isManualOpportunity: 'Amount calculation mode',
      lastActivityBy: 'Last activity in timeline by',
      lastActivityTime: 'Last activity',
      parentId156: 'Purchase',
    });
    expect(result.fields.contacts).toMatchObject({ type: 'crm_contact', isMultiple: true, upperName: 'CONTACTS' });
    const item = await call<{ item: Item }>(context.hook, 'crm.item.get', { entityTypeId: 177, id: 29 });
    expect(item.result.item).not.toHaveProperty('contacts');
  });

  it('leaves out the fields of features a smart process has switched off', async () => {
    const { result } = await call<{ fields: Record<string, unknown> }>(context.hook, 'crm.item.fields', {
      entityTypeId: 183,
    });
    expect(result.fields).not.toHaveProperty('opportunity');
    expect(result.fields).not.toHaveProperty('observers');
    expect(result.fields).toHaveProperty('sourceId');
  });

  it('refuses a user without read access to the smart process (docs crm-item-fields.md)', async () => {
    expect(await callFailure(context.hookAs(6), 'crm.item.fields', { entityTypeId: 156 })).toMatchObject({
      code: 'ACCESS_DENIED',
      status: 400,
      message: 'You do not have permission to view this item',
    });
  });
});

describe('crm.item.list', () => {
  it('filters with operator prefixes and nested logic groups', async () => {
    const byPrefix = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['id', 'title', 'stageId', 'opportunity'],
      filter: { '>=opportunity': 3000, '@stageId': ['DT177_7:CLIENT', 'DT177_7:NEW'], '%title': 'washing' },
    });
    expect(byPrefix.result.items.map((item) => item.id)).toContain(29);
    for (const item of byPrefix.result.items) {
      expect(item.opportunity as number).toBeGreaterThanOrEqual(3000);
      expect(['DT177_7:CLIENT', 'DT177_7:NEW']).toContain(item.stageId);
      expect(item.title.toLowerCase()).toContain('washing');
    }

    const grouped = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['id'],
      filter: { '0': { logic: 'OR', '0': { '=id': 29 }, '1': { '=id': 12 } }, '!=id': 12 },
    });
    expect(grouped.result.items.map((item) => item.id)).toEqual([29]);

    const notIn = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['id'],
      filter: { '!@id': [1, 2, 3], '<=id': 5 },
    });
    expect(notIn.result.items.map((item) => item.id)).toEqual([4, 5]);

    const like = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['id'],
      filter: { '=%title': 'Washing Mach%' },
    });
    expect(like.result.items.map((item) => item.id)).toEqual([29]);

    const booleanCustom = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['id', 'ufCrm7Warranty'],
      filter: { ufCrm7Warranty: 1 },
    });
    expect(booleanCustom.result.items.length).toBeGreaterThan(0);
    expect(booleanCustom.result.items.every((item) => item.ufCrm7Warranty === 'Y')).toBe(true);
  });

  it('returns only the selected fields (id always), and all custom fields for uf*', async () => {
    const { result } = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['title'],
      filter: { id: 29 },
    });
    expect(result.items).toEqual([{ id: 29, title: 'Washing Machine' }]);
    const custom = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['uf*'],
      filter: { id: 29 },
    });
    expect(Object.keys(custom.result.items[0]!).filter((key) => key.startsWith('ufCrm'))).toHaveLength(12);
  });

  it('orders results and rejects unknown filter and order fields', async () => {
    const { result } = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      select: ['id'],
      order: { id: 'DESC' },
    });
    expect(result.items[0]!.id).toBe(64);
    expect(
      await callFailure(context.hook, 'crm.item.list', { entityTypeId: 177, filter: { noSuchField: 1 } }),
    ).toMatchObject({
      code: 'INVALID_ARG_VALUE',
      status: 400,
      message: "Invalid filter: field 'noSuchField' is not allowed in filter",
    });
    expect(await callFailure(context.hook, 'crm.item.list', { entityTypeId: 177, order: { id: 'UP' } })).toMatchObject({
      code: 'INVALID_ARG_VALUE',
    });
  });

  it('pages by 50 with next and total, and start=-1 skips the count', async () => {
    const first = await call<{ items: Item[] }>(context.hook, 'crm.item.list', { entityTypeId: 183, select: ['id'] });
    expect(first.result.items).toHaveLength(50);
    expect(first.more).toBe(true);
    expect(first.total).toBe(1240);
    const raw = await rawWebhookCall(context.portal, 'crm.item.list', { entityTypeId: 183, select: ['id'], start: 50 });
    expect(Object.keys(raw.body)).toEqual(['result', 'next', 'total', 'time']);
    expect(raw.body).toMatchObject({ next: 100, total: 1240 });
    const last = await call<{ items: Item[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 183,
      select: ['id'],
      start: 1200,
    });
    expect(last.result.items).toHaveLength(40);
    expect(last.more).toBe(false);
    const uncounted = await rawWebhookCall(context.portal, 'crm.item.list', {
      entityTypeId: 183,
      select: ['id'],
      start: -1,
    });
    expect((uncounted.body.result as { items: Item[] }).items).toHaveLength(50);
    expect(uncounted.body.total).toBe(0);
    expect(uncounted.body).not.toHaveProperty('next');
  });

  it("serves the SDK's keyset paging (callList) over all 1,240 items", async () => {
    const listed = await context.hook.actions.v2.callList.make<{ id: number }>({
      method: 'crm.item.list',
      params: { entityTypeId: 183, select: ['id'] },
      idKey: 'id',
      customKeyForResult: 'items',
    });
    expect(listed.isSuccess).toBe(true);
    const ids = listed.getData()!.map((item) => item.id);
    expect(ids).toHaveLength(1240);
    expect(new Set(ids).size).toBe(1240);
  });
});

describe('crm.item.add / update / delete', () => {
  it('creates an item with the portal defaults and returns it in full', async () => {
    const { result } = await call<{ item: Item }>(context.hook, 'crm.item.add', {
      entityTypeId: 177,
      fields: {
        title: 'Dryer for the laundry',
        ufCrm7Quantity: '3',
        ufCrm7Warranty: 'Y',
        ufCrm7SerialNumbers: ['A-1'],
      },
    });
    expect(result.item).toMatchObject({
      id: 65,
      title: 'Dryer for the laundry',
      categoryId: 7,
      stageId: 'DT177_7:NEW',
      assignedById: 1,
      createdBy: 1,
      opened: 'Y',
      ufCrm7Quantity: 3,
      ufCrm7Warranty: 'Y',
      ufCrm7SerialNumbers: ['A-1'],
    });
    const untitled = await call<{ item: Item }>(context.hook, 'crm.item.add', {
      entityTypeId: 177,
      fields: { categoryId: 9 },
    });
    expect(untitled.result.item).toMatchObject({
      title: 'Equipment Purchase #66',
      categoryId: 9,
      stageId: 'DT177_9:NEW',
    });
  });

  it('rejects a missing required custom field and a non-list value for a multiple field', async () => {
    expect(
      await callFailure(context.hook, 'crm.item.add', { entityTypeId: 156, fields: { title: 'No vendor' } }),
    ).toMatchObject({ code: 'CRM_FIELD_ERROR_REQUIRED', status: 400 });
    // The code is the integer 100 here; b24jssdk reads only string codes, so the raw answer is checked.
    const raw = await rawWebhookCall(context.portal, 'crm.item.add', {
      entityTypeId: 177,
      fields: { ufCrm7SerialNumbers: 'A-1' },
    });
    expect(raw).toEqual({
      status: 400,
      body: { error: 100, error_description: 'Expected iterable value for multiple field, but got string instead' },
    });
  });

  it('moves an item to another stage and records the previous one', async () => {
    const { result } = await call<{ item: Item }>(context.hook, 'crm.item.update', {
      entityTypeId: 177,
      id: 30,
      fields: { stageId: 'DT177_7:SUCCESS' },
    });
    expect(result.item.stageId).toBe('DT177_7:SUCCESS');
    const again = await call<{ item: Item }>(context.hook, 'crm.item.update', {
      entityTypeId: 177,
      id: 30,
      fields: { stageId: 'DT177_7:FAIL' },
    });
    expect(again.result.item.previousStageId).toBe('DT177_7:SUCCESS');
    expect(
      await callFailure(context.hook, 'crm.item.update', {
        entityTypeId: 177,
        id: 30,
        fields: { stageId: 'DT156_3:NEW' },
      }),
    ).toMatchObject({ code: 'CRM_FIELD_ERROR_VALUE_NOT_VALID' });
  });

  it('deletes an item (result []) and then reports it as not found', async () => {
    const deleted = await call<unknown[]>(context.hook, 'crm.item.delete', { entityTypeId: 187, id: 45 });
    expect(deleted.result).toEqual([]);
    expect(await callFailure(context.hook, 'crm.item.delete', { entityTypeId: 187, id: 45 })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Item not found',
    });
  });
});
