import { describe, expect, it } from 'vitest';
import {
  buildFieldViews,
  parseMoney,
  referencedCrmItems,
  referencedStatusTypes,
  referencedUserIds,
  type FieldDefinition,
  type FieldLookups,
} from './fields';

function field(name: string, type: string, overrides: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    name,
    label: name,
    type,
    isMultiple: false,
    isDynamic: name.startsWith('uf'),
    isDeprecated: false,
    enumeration: null,
    settings: {},
    statusType: null,
    ...overrides,
  };
}

const lookups: FieldLookups = {
  entityTypeIdByShortCode: new Map([
    ['CO', 4],
    ['C', 3],
    ['Tb1', 177],
  ]),
  entityTypeIdBySymbolCode: new Map([
    ['COMPANY', 4],
    ['CONTACT', 3],
    ['DYNAMIC_177', 177],
  ]),
  categoryNames: new Map([[7, 'General']]),
};

const definitions: FieldDefinition[] = [
  field('id', 'integer'),
  field('title', 'string'),
  field('createdTime', 'datetime'),
  field('opportunity', 'double'),
  field('begindate', 'date'),
  field('companyId', 'crm_company'),
  field('observers', 'user', { isMultiple: true }),
  field('ufCrm7_Text', 'string', { label: 'Note' }),
  field('ufCrm7_Count', 'integer'),
  field('ufCrm7_Budget', 'money'),
  field('ufCrm7_Urgent', 'boolean'),
  field('ufCrm7_Color', 'enumeration', { enumeration: new Map([['79', 'Red']]) }),
  field('ufCrm7_Owner', 'employee'),
  field('ufCrm7_Links', 'crm', { isMultiple: true }),
  field('ufCrm7_Supplier', 'crm', { settings: { COMPANY: 'Y', CONTACT: 'N' } }),
  field('ufCrm7_Tags', 'string', { isMultiple: true }),
  field('ufCrm7_Empty', 'string'),
  field('ufCrm7_Old', 'string', { isDeprecated: true }),
  field('sourceId', 'crm_status', { statusType: 'SOURCE' }),
  field('ufCrm7_Channel', 'crm_status', { settings: { ENTITY_TYPE: 'CONTACT_TYPE' } }),
  field('ufCrm7_Loose', 'crm_status'),
];

const item = {
  id: 29,
  title: 'Washing Machine',
  createdTime: '2025-01-20T14:30:58+02:00',
  opportunity: 1299.5,
  currencyId: 'EUR',
  begindate: '2025-01-20T02:00:00+02:00',
  companyId: 0,
  observers: [4, 5],
  ufCrm7_Text: 'Handle with care',
  ufCrm7_Count: '3',
  ufCrm7_Budget: '1500.25|USD',
  ufCrm7_Urgent: 'N',
  ufCrm7_Color: '79',
  ufCrm7_Owner: 6,
  ufCrm7_Links: ['CO_5', 'Tb1_31'],
  ufCrm7_Supplier: '8',
  ufCrm7_Tags: ['a', '', 'b'],
  ufCrm7_Empty: '',
  ufCrm7_Old: 'x',
  sourceId: 'OTHER',
  ufCrm7_Channel: 'PARTNER',
  ufCrm7_Loose: 'SOMETHING',
};

describe('buildFieldViews', () => {
  const views = buildFieldViews(definitions, item, lookups);
  const byName = new Map(views.map((view) => [view.name, view]));

  it('leaves out what the header shows, technical and deprecated fields, and lists record metadata last', () => {
    const names = views.map((view) => view.name);
    expect(names).not.toContain('id');
    expect(names).not.toContain('title');
    expect(names).not.toContain('ufCrm7_Old');
    expect(names.at(-1)).toBe('createdTime');
  });

  it('types each value by what it is', () => {
    expect(byName.get('opportunity')?.values).toEqual([{ kind: 'money', amount: 1299.5, currency: 'EUR' }]);
    expect(byName.get('ufCrm7_Budget')?.values).toEqual([{ kind: 'money', amount: 1500.25, currency: 'USD' }]);
    expect(byName.get('ufCrm7_Count')?.values).toEqual([{ kind: 'number', value: 3 }]);
    expect(byName.get('begindate')?.values).toEqual([{ kind: 'date', value: '2025-01-20T02:00:00+02:00' }]);
    expect(byName.get('createdTime')?.values).toEqual([{ kind: 'datetime', value: '2025-01-20T14:30:58+02:00' }]);
    expect(byName.get('ufCrm7_Urgent')?.values).toEqual([{ kind: 'boolean', value: false }]);
    expect(byName.get('ufCrm7_Color')?.values).toEqual([{ kind: 'text', text: 'Red' }]);
    expect(byName.get('ufCrm7_Owner')?.values).toEqual([{ kind: 'user', userId: 6 }]);
    expect(byName.get('observers')?.values).toEqual([
      { kind: 'user', userId: 4 },
      { kind: 'user', userId: 5 },
    ]);
    expect(byName.get('ufCrm7_Tags')?.values).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'text', text: 'b' },
    ]);
  });

  it('resolves CRM links to a type and an id, from prefixes or from the field’s single allowed type', () => {
    expect(byName.get('ufCrm7_Links')?.values).toEqual([
      { kind: 'crm', entityTypeId: 4, entityId: 5, code: 'CO_5' },
      { kind: 'crm', entityTypeId: 177, entityId: 31, code: 'Tb1_31' },
    ]);
    expect(byName.get('ufCrm7_Supplier')?.values).toEqual([{ kind: 'crm', entityTypeId: 4, entityId: 8, code: '4_8' }]);
  });

  it('keeps a status code with the directory that names it: statusType, else a custom field’s ENTITY_TYPE', () => {
    expect(byName.get('sourceId')?.values).toEqual([{ kind: 'status', statusType: 'SOURCE', statusId: 'OTHER' }]);
    expect(byName.get('ufCrm7_Channel')?.values).toEqual([
      { kind: 'status', statusType: 'CONTACT_TYPE', statusId: 'PARTNER' },
    ]);
    // No directory to ask: the code is all there is.
    expect(byName.get('ufCrm7_Loose')?.values).toEqual([{ kind: 'text', text: 'SOMETHING' }]);
    expect(referencedStatusTypes(views)).toEqual(['CONTACT_TYPE', 'SOURCE']);
  });

  it('marks empty fields (no company is id 0) so they fold away', () => {
    expect(byName.get('companyId')?.isEmpty).toBe(true);
    expect(byName.get('ufCrm7_Empty')?.isEmpty).toBe(true);
    expect(byName.get('ufCrm7_Text')?.isEmpty).toBe(false);
  });

  it('says which users and CRM items need names', () => {
    expect(referencedUserIds(views).sort()).toEqual([4, 5, 6]);
    expect(referencedCrmItems(views)).toEqual(
      new Map([
        [4, [5, 8]],
        [177, [31]],
      ]),
    );
  });

  it('reads money text', () => {
    expect(parseMoney('10|EUR')).toEqual({ amount: 10, currency: 'EUR' });
    expect(parseMoney('10')).toBeNull();
    expect(parseMoney(10)).toBeNull();
  });
});
