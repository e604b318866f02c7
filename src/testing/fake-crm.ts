/**
 * A small CRM for component tests, answering the methods the detail tab reads: one smart
 * process (177 "Equipment Purchase", short code Tb1) with item 29, its funnel, stages, fields
 * and users. Shapes follow src/bitrix/rest-types.ts (as the portal sends them).
 */
import { BitrixError } from '../bitrix/errors';
import type { RestCrmItem, RestFieldDescription, RestStatus, RestUser } from '../bitrix/rest-types';
import type { FakeHandlers } from './fake-boundary';

export interface FakeCrm {
  items: RestCrmItem[];
  users: RestUser[];
  allowsTaskLinks: boolean;
  currentUserId: number;
}

export function fakeCrm(overrides: Partial<FakeCrm> = {}): FakeCrm {
  return {
    items: [
      {
        id: 29,
        title: 'Washing Machine',
        entityTypeId: 177,
        categoryId: 7,
        stageId: 'DT177_7:CLIENT',
        assignedById: 2,
        createdBy: 2,
        opportunity: 3400,
        currencyId: 'EUR',
        ufCrm7Supplier: 'Miele Professional',
        ufCrm7Inspector: 4,
        ufCrm7Purchase: 'T9c_12',
        ufCrm7Serials: ['WM-1', 'WM-2'],
        ufCrm7Empty: '',
        sourceId: 'OTHER',
        ufCrm7Channel: 'PARTNER',
      },
    ],
    users: [
      { ID: '1', NAME: 'Olivia', LAST_NAME: 'Bennett', PERSONAL_PHOTO: null, WORK_POSITION: 'CEO', TIME_ZONE: '' },
      { ID: '2', NAME: 'Maxim', LAST_NAME: 'Orlov', PERSONAL_PHOTO: null, WORK_POSITION: 'Buyer' },
      { ID: '4', NAME: 'Daniel', LAST_NAME: 'Park', PERSONAL_PHOTO: null, WORK_POSITION: 'Engineer' },
    ],
    allowsTaskLinks: true,
    currentUserId: 1,
    ...overrides,
  };
}

const stages: RestStatus[] = [
  {
    ID: '1',
    ENTITY_ID: 'DYNAMIC_177_STAGE_7',
    STATUS_ID: 'DT177_7:NEW',
    NAME: 'New request',
    SORT: '10',
    COLOR: '#22B9FF',
    SEMANTICS: null,
  },
  {
    ID: '2',
    ENTITY_ID: 'DYNAMIC_177_STAGE_7',
    STATUS_ID: 'DT177_7:CLIENT',
    NAME: 'Approval',
    SORT: '30',
    COLOR: '#10e5fc',
    SEMANTICS: null,
  },
  {
    ID: '3',
    ENTITY_ID: 'DYNAMIC_177_STAGE_7',
    STATUS_ID: 'DT177_7:SUCCESS',
    NAME: 'Delivered',
    SORT: '40',
    COLOR: '#00ff00',
    SEMANTICS: 'S',
  },
  {
    ID: '4',
    ENTITY_ID: 'DYNAMIC_177_STAGE_7',
    STATUS_ID: 'DT177_7:FAIL',
    NAME: 'Cancelled',
    SORT: '50',
    COLOR: '#ff0000',
    SEMANTICS: 'F',
  },
];

/** Other status directories: the items' sources, and one a custom field draws from. */
const statuses: RestStatus[] = [
  { ID: '101', ENTITY_ID: 'SOURCE', STATUS_ID: 'CALL', NAME: 'Call', SORT: '10', SEMANTICS: null },
  { ID: '104', ENTITY_ID: 'SOURCE', STATUS_ID: 'OTHER', NAME: 'Other', SORT: '40', SEMANTICS: null },
  { ID: '201', ENTITY_ID: 'CONTACT_TYPE', STATUS_ID: 'PARTNER', NAME: 'Partner', SORT: '10', SEMANTICS: null },
];

const fields: Record<string, RestFieldDescription> = {
  id: { type: 'integer', title: 'ID', isReadOnly: true },
  title: { type: 'string', title: 'Name' },
  stageId: { type: 'crm_status', title: 'Stage' },
  assignedById: { type: 'user', title: 'Responsible' },
  opportunity: { type: 'double', title: 'Amount' },
  currencyId: { type: 'crm_currency', title: 'Currency' },
  ufCrm7Supplier: { type: 'string', title: 'Supplier', isDynamic: true },
  ufCrm7Inspector: { type: 'employee', title: 'Inspector', isDynamic: true },
  ufCrm7Purchase: { type: 'crm', title: 'Purchase', isDynamic: true, settings: { DYNAMIC_156: 'Y', DYNAMIC_183: 'Y' } },
  ufCrm7Serials: { type: 'string', title: 'Serial numbers', isDynamic: true, isMultiple: true },
  ufCrm7Empty: { type: 'string', title: 'Notes', isDynamic: true },
  sourceId: { type: 'crm_status', title: 'Source', statusType: 'SOURCE' },
  ufCrm7Channel: { type: 'crm_status', title: 'Channel', isDynamic: true, settings: { ENTITY_TYPE: 'CONTACT_TYPE' } },
};

function notFound(description: string): BitrixError {
  return new BitrixError({ kind: 'not-found', code: 'NOT_FOUND', status: 400, portalDescription: description });
}

export function fakeCrmHandlers(crm: FakeCrm): FakeHandlers {
  return {
    'crm.enum.ownertype': () => [
      { ID: 4, NAME: 'Company', SYMBOL_CODE: 'COMPANY', SYMBOL_CODE_SHORT: 'CO' },
      { ID: 156, NAME: 'Purchase', SYMBOL_CODE: 'DYNAMIC_156', SYMBOL_CODE_SHORT: 'T9c' },
      { ID: 177, NAME: 'Equipment Purchase', SYMBOL_CODE: 'DYNAMIC_177', SYMBOL_CODE_SHORT: 'Tb1' },
    ],
    'crm.type.getByEntityTypeId': ({ entityTypeId }) => {
      if (entityTypeId !== 177) throw notFound('Smart process not found');
      return {
        type: {
          id: 7,
          title: 'Equipment Purchase',
          entityTypeId: 177,
          isUseInUserfieldEnabled: crm.allowsTaskLinks ? 'Y' : 'N',
          linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': crm.allowsTaskLinks ? 'Y' : 'N' },
        },
      };
    },
    // As the portal reads it: only "true" switches a link on (anything else, "Y" too, switches it off).
    'crm.type.update': ({ fields: changes }) => {
      crm.allowsTaskLinks = changes.linkedUserFields?.['TASKS_TASK|UF_CRM_TASK'] === 'true';
      const linked = crm.allowsTaskLinks ? 'Y' : 'N';
      return {
        type: {
          id: 7,
          title: 'Equipment Purchase',
          entityTypeId: 177,
          isUseInUserfieldEnabled: 'Y',
          linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': linked },
        },
      };
    },
    'crm.item.get': ({ entityTypeId, id }) => {
      const item = crm.items.find((entry) => entry.entityTypeId === entityTypeId && entry.id === Number(id));
      if (!item) throw notFound('Element not found');
      return { item };
    },
    'crm.item.list': ({ entityTypeId, filter = {} }) => {
      const ids = (filter['@id'] as number[] | undefined)?.map(Number) ?? [];
      const items =
        entityTypeId === 156 ? ids.filter((id) => id === 12).map((id) => ({ id, title: 'PO-0012 Safety gloves' })) : [];
      return { items };
    },
    'crm.item.fields': () => ({ fields }),
    'crm.category.list': () => ({
      categories: [{ id: 7, name: 'General', sort: 500, entityTypeId: 177, isDefault: 'Y' }],
    }),
    'crm.status.list': ({ filter }) =>
      [...stages, ...statuses].filter((status) => status.ENTITY_ID === filter.ENTITY_ID),
    'user.current': () => crm.users.find((user) => user.ID === String(crm.currentUserId))!,
    // App options (a stage playbook is `playbook_<N>`): none stored, as the portal answers a missing option.
    'app.option.get': ({ option }) => (option === undefined ? [] : null),
    'user.get': ({ filter = {} }) => {
      const wanted = ([] as Array<number | string>).concat(filter.ID ?? []).map(String);
      return crm.users.filter((user) => wanted.includes(user.ID));
    },
  };
}

/**
 * crm.item.list as the stage playbook's create reads it: the items of the smart process, narrowed
 * by `filter.id` and `filter.stageId` when given (the stage gate finds nothing once the item has
 * moved), each as id, title and stage.
 */
export function fakeItemListByStage(crm: FakeCrm): FakeHandlers['crm.item.list'] {
  return ({ entityTypeId, filter = {} }) => ({
    items: crm.items
      .filter(
        (item) =>
          item.entityTypeId === entityTypeId &&
          (filter.id === undefined || item.id === Number(filter.id)) &&
          (filter.stageId === undefined || item.stageId === filter.stageId),
      )
      .map((item) => ({ id: item.id, title: item.title, stageId: item.stageId })),
  });
}
