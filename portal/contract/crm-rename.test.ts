/**
 * Renaming a stage (crm.status.update, docs crm/status/crm-status-update.md) and a funnel
 * (crm.category.update, docs crm/universal/category/crm-category-update.md) as a CRM administrator
 * does while the app is open: the new names show in crm.status.list / crm.category.list and on the
 * item card; other users are refused with the documented errors. Driven through the SDK.
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, contractPortalForThisFile, rawRequest, rawWebhookCall } from './contract-harness';

const context = contractPortalForThisFile();

type StatusRow = { ID: string; STATUS_ID: string; NAME: string; NAME_INIT: string; COLOR: string; SORT: string };
type Category = { id: number; name: string; sort: number; entityTypeId: number; isDefault: 'Y' | 'N' };

async function stage(statusId: string): Promise<StatusRow> {
  const { result } = await call<StatusRow[]>(context.hook, 'crm.status.list', {
    filter: { ENTITY_ID: 'DYNAMIC_177_STAGE_7' },
  });
  return result.find((row) => row.STATUS_ID === statusId)!;
}

async function categories(): Promise<Category[]> {
  return (await call<{ categories: Category[] }>(context.hook, 'crm.category.list', { entityTypeId: 177 })).result
    .categories;
}

describe('crm.status.update', () => {
  it('renames a stage for crm.status.list and the item card; NAME_INIT keeps the original name', async () => {
    const approval = await stage('DT177_7:CLIENT');
    expect(
      (
        await call<boolean>(context.hook, 'crm.status.update', {
          id: Number(approval.ID),
          fields: { NAME: 'Waiting for sign-off', COLOR: '#39A8EF' },
        })
      ).result,
    ).toBe(true);
    expect(await stage('DT177_7:CLIENT')).toMatchObject({
      NAME: 'Waiting for sign-off',
      NAME_INIT: 'Approval',
      COLOR: '#39A8EF',
      SORT: approval.SORT,
    });
    const card = await rawRequest(context.portal, '/crm/type/177/details/29/?user=1');
    expect(card.text).toContain('Waiting for sign-off');
  });

  it('refuses a user without CRM administrator rights, an unknown stage and a bad id as documented', async () => {
    const fresh = await stage('DT177_7:NEW');
    // The classic CRM answers with an empty error code (the SDK then shows only the HTTP status), so the wire is read as sent.
    expect(
      (
        await callFailure(context.hookAs(2), 'crm.status.update', {
          id: Number(fresh.ID),
          fields: { NAME: 'Mine now' },
        })
      ).status,
    ).toBe(400);
    const asUser2 = await fetch(`${context.portal.webhookUrl.replace('/rest/1/', '/rest/2/')}crm.status.update`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: Number(fresh.ID), fields: { NAME: 'Mine now' } }),
    });
    expect([asUser2.status, await asUser2.json()]).toEqual([400, { error: '', error_description: 'Access denied.' }]);
    expect((await stage('DT177_7:NEW')).NAME).toBe(fresh.NAME);
    const refusal = async (params: Record<string, unknown>) =>
      (await rawWebhookCall(context.portal, 'crm.status.update', params)).body;
    expect(await refusal({ id: 987_654, fields: { NAME: 'Nobody' } })).toEqual({
      error: '',
      error_description: 'Status is not found.',
    });
    expect(await refusal({ id: 'abc', fields: { NAME: 'Nobody' } })).toEqual({
      error: '',
      error_description: 'Invalid identifier.',
    });
    expect(await refusal({ id: Number(fresh.ID), fields: { NAME: '   ' } })).toEqual({
      error: '',
      error_description: 'Error on updating status.',
    });
  });
});

describe('crm.category.update', () => {
  it('renames a funnel and answers it as crm.category.get would', async () => {
    const { result } = await call<{ category: Category }>(context.hook, 'crm.category.update', {
      entityTypeId: 177,
      id: 9,
      fields: { name: 'Rush orders' },
    });
    expect(result.category).toEqual({
      id: 9,
      name: 'Rush orders',
      sort: expect.any(Number),
      entityTypeId: 177,
      isDefault: 'N',
    });
    expect((await categories()).find((category) => category.id === 9)?.name).toBe('Rush orders');
  });

  it('makes another funnel the default with isDefault Y', async () => {
    await call(context.hook, 'crm.category.update', { entityTypeId: 177, id: 9, fields: { isDefault: 'Y' } });
    expect((await categories()).map((category) => [category.id, category.isDefault])).toEqual(
      expect.arrayContaining([
        [7, 'N'],
        [9, 'Y'],
      ]),
    );
    await call(context.hook, 'crm.category.update', { entityTypeId: 177, id: 7, fields: { isDefault: 'Y' } });
  });

  it('refuses a non-administrator, a missing funnel or smart process and an empty name with the documented errors', async () => {
    expect(
      await callFailure(context.hookAs(2), 'crm.category.update', {
        entityTypeId: 177,
        id: 7,
        fields: { name: 'Taken over' },
      }),
    ).toMatchObject({ code: 'ACCESS_DENIED', status: 400 });
    expect((await categories()).find((category) => category.id === 7)?.name).toBe('General');
    expect(
      await callFailure(context.hook, 'crm.category.update', { entityTypeId: 177, id: 999, fields: { name: 'X' } }),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'Element not found' });
    expect(
      await callFailure(context.hook, 'crm.category.update', { entityTypeId: 999, id: 7, fields: { name: 'X' } }),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'Smart process not found' });
    expect(
      (
        await rawWebhookCall(context.portal, 'crm.category.update', {
          entityTypeId: 177,
          id: 7,
          fields: { name: ' \t ' },
        })
      ).body,
    ).toEqual({ error: 0, error_description: "Field 'NAME' is required" });
  });
});
