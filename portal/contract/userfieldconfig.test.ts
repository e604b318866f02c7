/**
 * userfieldconfig.list / get as the docs show them: `select` with `*` and a `language`, no enum
 * values in the list (get carries them), and a missing field refused like a forbidden one.
 */
import { describe, expect, it } from 'vitest';
import { call, rawWebhookCall, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

type Field = Record<string, unknown>;

describe('userfieldconfig.list', () => {
  it('narrows the label maps to the selected language, as the docs example {"0":"*","language":"de"} does', async () => {
    const { result } = await call<{ fields: Field[] }>(context.hook, 'userfieldconfig.list', {
      moduleId: 'crm',
      select: { 0: '*', language: 'de' },
      filter: { fieldName: 'UF_CRM_7_PRIORITY' },
    });
    expect(result.fields[0]).toMatchObject({
      fieldName: 'UF_CRM_7_PRIORITY',
      languageId: { de: 'de' },
      editFormLabel: { de: 'Priorität' },
      helpMessage: { de: null },
    });
  });

  it('returns only the selected keys when `*` is not selected', async () => {
    const { result } = await call<{ fields: Field[] }>(context.hook, 'userfieldconfig.list', {
      moduleId: 'crm',
      select: ['id', 'fieldName'],
      filter: { fieldName: 'UF_CRM_7_SUPPLIER' },
    });
    expect(result.fields).toEqual([{ id: expect.stringMatching(/^\d+$/), fieldName: 'UF_CRM_7_SUPPLIER' }]);
  });

  it('lists an enumeration field without its values; userfieldconfig.get carries them', async () => {
    const { result } = await call<{ fields: Field[] }>(context.hook, 'userfieldconfig.list', {
      moduleId: 'crm',
      filter: { fieldName: 'UF_CRM_7_PRIORITY' },
    });
    expect(result.fields[0]).not.toHaveProperty('enum');
    const got = await call<{ field: Field }>(context.hook, 'userfieldconfig.get', {
      moduleId: 'crm',
      id: result.fields[0]!.id,
    });
    expect((got.result.field.enum as Field[]).map((value) => value.value)).toEqual([
      'Low',
      'Normal',
      'High',
      'Critical',
    ]);
  });
});

describe('userfieldconfig.get', () => {
  it('refuses a field that does not exist as it refuses one the caller may not see', async () => {
    expect(await rawWebhookCall(context.portal, 'userfieldconfig.get', { moduleId: 'crm', id: 99_999 })).toEqual({
      status: 400,
      body: { error: '', error_description: 'You do not have permission to view user field settings' },
    });
  });
});
