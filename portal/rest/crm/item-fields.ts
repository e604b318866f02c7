/**
 * The fields of a smart-process item: what crm.item.fields describes, what crm.item.get/list
 * print, what filters and sorting may name, and how add/update write them. System fields of a
 * disabled feature (client, products, source, observers, dates, my company) are absent, as the
 * portal hides them; custom fields come from the type's user fields.
 */
import { formatPortalDate, formatPortalDateTime, parsePortalDate } from '../../portal-time';
import type { StoredItem, StoredSmartProcess, StoredUserField } from '../../state/state-types';
import type { FieldKind } from '../filter';
import type { MethodContext } from '../method-types';
import { asInt, asYesNo, isRecord } from '../params';
import { crmErrors } from './crm-access';
import { systemOwnerType } from './owner-types';
import { userFieldCamelName } from './user-field-names';

export interface ItemFieldDescription {
  type: string;
  isRequired: boolean;
  isReadOnly: boolean;
  isImmutable: boolean;
  isMultiple: boolean;
  isDynamic: boolean;
  title: string;
  [key: string]: unknown;
}

export interface ItemField {
  name: string;
  upperName: string;
  kind: FieldKind;
  description: ItemFieldDescription;
  userField?: StoredUserField;
  get(item: StoredItem): unknown;
  /** Writes a client value (add/update); throws a RestError for an invalid one. Absent = read-only. */
  write?(item: StoredItem, value: unknown): void;
}

type Flag =
  | 'isClientEnabled'
  | 'isLinkWithProductsEnabled'
  | 'isMycompanyEnabled'
  | 'isSourceEnabled'
  | 'isObserversEnabled'
  | 'isBeginCloseDatesEnabled'
  | 'isStagesEnabled';

interface SystemField {
  name: string;
  upperName: string;
  type: string;
  title: string;
  kind: FieldKind;
  readOnly?: boolean;
  required?: boolean;
  multiple?: boolean;
  deprecated?: boolean;
  flag?: Flag;
  extra?: Record<string, unknown>;
  get(item: StoredItem): unknown;
  write?(item: StoredItem, value: unknown, process: StoredSmartProcess, context: MethodContext): void;
}

function toInt(name: string, value: unknown): number {
  if (value === null || value === '') return 0;
  const number = asInt(value);
  if (number === null) throw crmErrors.invalidValue(name);
  return number;
}

function toFloat(name: string, value: unknown): number {
  if (value === null || value === '') return 0;
  const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (!Number.isFinite(number)) throw crmErrors.invalidValue(name);
  return number;
}

function toIntList(name: string, value: unknown): number[] {
  if (value === null || value === '' || value === undefined) return [];
  if (!Array.isArray(value) && !isRecord(value))
    throw crmErrors.notIterable(typeof value === 'number' ? 'integer' : typeof value);
  return Object.values(value as Record<string, unknown>).map((entry) => toInt(name, entry));
}

function toYesNo(name: string, value: unknown): 'Y' | 'N' {
  const flag = asYesNo(value);
  if (!flag) throw crmErrors.invalidValue(name);
  return flag;
}

function toDate(name: string, value: unknown, withTime: boolean): string {
  const ms = parsePortalDate(value);
  if (ms === null) throw crmErrors.invalidValue(name);
  return withTime ? formatPortalDateTime(ms) : formatPortalDate(ms);
}

function extraValue(item: StoredItem, name: string): unknown {
  return item.extra?.[name] ?? null;
}

function setExtra(item: StoredItem, name: string, value: unknown): void {
  item.extra = { ...(item.extra ?? {}), [name]: value };
}

function systemFields(
  process: StoredSmartProcess,
  defaultCategory: number,
  typeTitle: (entityTypeId: number) => string,
): SystemField[] {
  const utm = (name: string, upperName: string, title: string): SystemField => ({
    name,
    upperName,
    type: 'string',
    title,
    kind: 'string',
    get: (item) => extraValue(item, name),
    write: (item, value) => setExtra(item, name, value === null ? null : String(value)),
  });
  const fields: SystemField[] = [
    { name: 'id', upperName: 'ID', type: 'integer', title: 'ID', kind: 'int', readOnly: true, get: (item) => item.id },
    {
      name: 'xmlId',
      upperName: 'XML_ID',
      type: 'string',
      title: 'External code',
      kind: 'string',
      get: (item) => item.xmlId,
      write: (item, value) => (item.xmlId = value === null ? null : String(value)),
    },
    {
      name: 'title',
      upperName: 'TITLE',
      type: 'string',
      title: 'Name',
      kind: 'string',
      get: (item) => item.title,
      write: (item, value) => (item.title = String(value ?? '')),
    },
    {
      name: 'createdBy',
      upperName: 'CREATED_BY',
      type: 'user',
      title: 'Created by',
      kind: 'int',
      readOnly: true,
      get: (item) => item.createdBy,
    },
    {
      name: 'updatedBy',
      upperName: 'UPDATED_BY',
      type: 'user',
      title: 'Updated by',
      kind: 'int',
      readOnly: true,
      get: (item) => item.updatedBy,
    },
    {
      name: 'movedBy',
      upperName: 'MOVED_BY',
      type: 'user',
      title: 'Moved by',
      kind: 'int',
      readOnly: true,
      get: (item) => item.movedBy,
    },
    {
      name: 'createdTime',
      upperName: 'CREATED_TIME',
      type: 'datetime',
      title: 'Created at',
      kind: 'date',
      readOnly: true,
      get: (item) => item.createdTime,
    },
    {
      name: 'updatedTime',
      upperName: 'UPDATED_TIME',
      type: 'datetime',
      title: 'Updated at',
      kind: 'date',
      readOnly: true,
      get: (item) => item.updatedTime,
    },
    {
      name: 'movedTime',
      upperName: 'MOVED_TIME',
      type: 'datetime',
      title: 'Moved at',
      kind: 'date',
      readOnly: true,
      get: (item) => item.movedTime,
    },
    {
      name: 'categoryId',
      upperName: 'CATEGORY_ID',
      type: 'crm_category',
      title: 'Pipeline',
      kind: 'int',
      get: (item) => item.categoryId,
      write: (item, value, owner, context) => {
        const id = toInt('categoryId', value);
        if (
          !context.store.state.categories.some(
            (category) => category.entityTypeId === owner.entityTypeId && category.id === id,
          )
        )
          throw crmErrors.invalidValue('categoryId');
        item.categoryId = id;
      },
    },
    {
      name: 'opened',
      upperName: 'OPENED',
      type: 'boolean',
      title: 'Publicly available',
      kind: 'bool',
      required: true,
      get: (item) => item.opened,
      write: (item, value) => (item.opened = toYesNo('opened', value)),
    },
    {
      name: 'stageId',
      upperName: 'STAGE_ID',
      type: 'crm_status',
      title: 'Stage',
      kind: 'string',
      flag: 'isStagesEnabled',
      extra: { statusType: `DYNAMIC_${process.entityTypeId}_STAGE_${defaultCategory}` },
      get: (item) => item.stageId,
      write: (item, value) => (item.stageId = String(value ?? '')),
    },
    {
      name: 'previousStageId',
      upperName: 'PREVIOUS_STAGE_ID',
      type: 'crm_status',
      title: 'Previous stage',
      kind: 'string',
      readOnly: true,
      flag: 'isStagesEnabled',
      extra: { statusType: `DYNAMIC_${process.entityTypeId}_STAGE_${defaultCategory}` },
      get: (item) => item.previousStageId,
    },
    {
      name: 'begindate',
      upperName: 'BEGINDATE',
      type: 'date',
      title: 'Start date',
      kind: 'date',
      flag: 'isBeginCloseDatesEnabled',
      get: (item) => item.begindate,
      write: (item, value) => (item.begindate = toDate('begindate', value, false)),
    },
    {
      name: 'closedate',
      upperName: 'CLOSEDATE',
      type: 'date',
      title: 'End date',
      kind: 'date',
      flag: 'isBeginCloseDatesEnabled',
      get: (item) => item.closedate,
      write: (item, value) => (item.closedate = toDate('closedate', value, false)),
    },
    {
      name: 'companyId',
      upperName: 'COMPANY_ID',
      type: 'crm_company',
      title: 'Company',
      kind: 'int',
      flag: 'isClientEnabled',
      extra: { settings: { parentEntityTypeId: 4 } },
      get: (item) => item.companyId,
      write: (item, value) => (item.companyId = toInt('companyId', value)),
    },
    {
      name: 'contactId',
      upperName: 'CONTACT_ID',
      type: 'crm_contact',
      title: 'Contact',
      kind: 'int',
      flag: 'isClientEnabled',
      deprecated: true,
      get: (item) => item.contactIds[0] ?? 0,
      write: (item, value) => (item.contactIds = toInt('contactId', value) ? [toInt('contactId', value)] : []),
    },
    {
      name: 'opportunity',
      upperName: 'OPPORTUNITY',
      type: 'double',
      title: 'Amount',
      kind: 'float',
      flag: 'isLinkWithProductsEnabled',
      get: (item) => item.opportunity,
      write: (item, value) => (item.opportunity = toFloat('opportunity', value)),
    },
    {
      name: 'isManualOpportunity',
      upperName: 'IS_MANUAL_OPPORTUNITY',
      type: 'boolean',
      title: 'Amount calculation mode',
      kind: 'bool',
      flag: 'isLinkWithProductsEnabled',
      get: (item) => item.isManualOpportunity,
      write: (item, value) => (item.isManualOpportunity = toYesNo('isManualOpportunity', value)),
    },
    {
      name: 'taxValue',
      upperName: 'TAX_VALUE',
      type: 'double',
      title: 'Tax amount',
      kind: 'float',
      flag: 'isLinkWithProductsEnabled',
      get: (item) => item.taxValue,
      write: (item, value) => (item.taxValue = toFloat('taxValue', value)),
    },
    {
      name: 'currencyId',
      upperName: 'CURRENCY_ID',
      type: 'crm_currency',
      title: 'Currency',
      kind: 'string',
      flag: 'isLinkWithProductsEnabled',
      get: (item) => item.currencyId,
      write: (item, value) => (item.currencyId = String(value ?? 'EUR')),
    },
    {
      name: 'mycompanyId',
      upperName: 'MYCOMPANY_ID',
      type: 'crm_company',
      title: 'Your company details',
      kind: 'int',
      flag: 'isMycompanyEnabled',
      extra: { settings: { isMyCompany: true, parentEntityTypeId: 4, isEmbeddedEditorEnabled: true } },
      get: (item) => item.mycompanyId,
      write: (item, value) => (item.mycompanyId = toInt('mycompanyId', value)),
    },
    {
      name: 'sourceId',
      upperName: 'SOURCE_ID',
      type: 'crm_status',
      title: 'Source',
      kind: 'string',
      flag: 'isSourceEnabled',
      extra: { statusType: 'SOURCE' },
      get: (item) => item.sourceId || null,
      write: (item, value) => (item.sourceId = String(value ?? '')),
    },
    {
      name: 'sourceDescription',
      upperName: 'SOURCE_DESCRIPTION',
      type: 'text',
      title: 'Additional source info',
      kind: 'string',
      flag: 'isSourceEnabled',
      get: (item) => item.sourceDescription,
      write: (item, value) => (item.sourceDescription = value === null ? null : String(value)),
    },
    {
      name: 'webformId',
      upperName: 'WEBFORM_ID',
      type: 'integer',
      title: 'Created by CRM form',
      kind: 'int',
      get: (item) => item.webformId,
      write: (item, value) => (item.webformId = toInt('webformId', value)),
    },
    {
      name: 'assignedById',
      upperName: 'ASSIGNED_BY_ID',
      type: 'user',
      title: 'Assigned to',
      kind: 'int',
      get: (item) => item.assignedById,
      write: (item, value, _owner, context) => {
        const id = toInt('assignedById', value);
        if (!context.store.user(id)) throw crmErrors.invalidValue('assignedById');
        item.assignedById = id;
      },
    },
    {
      name: 'lastActivityBy',
      upperName: 'LAST_ACTIVITY_BY',
      type: 'user',
      title: 'Last activity in timeline by',
      kind: 'int',
      readOnly: true,
      get: (item) => item.lastActivityBy,
    },
    {
      name: 'lastActivityTime',
      upperName: 'LAST_ACTIVITY_TIME',
      type: 'datetime',
      title: 'Last activity',
      kind: 'date',
      readOnly: true,
      get: (item) => item.lastActivityTime,
    },
  ];
  for (const parent of process.relations.parent) {
    const name = `parentId${parent.entityTypeId}`;
    fields.push({
      name,
      upperName: `PARENT_ID_${parent.entityTypeId}`,
      type: 'crm_entity',
      // The docs' examples title a parent field with the parent type's name ("Deal", "Smart Process #16").
      title: typeTitle(parent.entityTypeId),
      kind: 'int',
      extra: { settings: { parentEntityTypeId: parent.entityTypeId } },
      get: (item) => extraValue(item, name),
      write: (item, value) => setExtra(item, name, toInt(name, value) || null),
    });
  }
  fields.push(
    utm('utmSource', 'UTM_SOURCE', 'Ad system'),
    utm('utmMedium', 'UTM_MEDIUM', 'Traffic type'),
    utm('utmCampaign', 'UTM_CAMPAIGN', 'Ad campaign UTM'),
    utm('utmContent', 'UTM_CONTENT', 'Campaign contents'),
    utm('utmTerm', 'UTM_TERM', 'Campaign search term'),
    {
      name: 'observers',
      upperName: 'OBSERVERS',
      type: 'user',
      title: 'Observers',
      kind: 'int',
      multiple: true,
      flag: 'isObserversEnabled',
      get: (item) => item.observers,
      write: (item, value) => (item.observers = toIntList('observers', value)),
    },
    {
      name: 'contactIds',
      upperName: 'CONTACT_IDS',
      type: 'crm_contact',
      title: 'CONTACT_IDS',
      kind: 'int',
      multiple: true,
      flag: 'isClientEnabled',
      get: (item) => item.contactIds,
      write: (item, value) => (item.contactIds = toIntList('contactIds', value)),
    },
    {
      name: 'entityTypeId',
      upperName: 'ENTITY_TYPE_ID',
      type: 'integer',
      title: 'Entity type',
      kind: 'int',
      readOnly: true,
      get: (item) => item.entityTypeId,
    },
  );
  return fields.filter((field) => !field.flag || process.flags[field.flag] === 'Y');
}

// --- custom fields ---------------------------------------------------------------------------

const USER_FIELD_KIND: Record<string, FieldKind> = {
  string: 'string',
  url: 'string',
  integer: 'int',
  double: 'float',
  money: 'string',
  date: 'date',
  datetime: 'date',
  boolean: 'bool',
  enumeration: 'int',
  employee: 'int',
  crm: 'string',
};

/** The value as crm.item prints it: empty singles are null (strings stay ""), empty multiples []. */
export function userFieldOutput(field: StoredUserField, raw: unknown): unknown {
  if (field.multiple) return Array.isArray(raw) ? raw : raw === null || raw === undefined || raw === '' ? [] : [raw];
  if (raw === undefined || (raw === '' && field.userTypeId !== 'string' && field.userTypeId !== 'url')) return null;
  return raw;
}

function writeOneUserValue(field: StoredUserField, value: unknown, name: string): unknown {
  if (value === null || value === '' || value === undefined) return field.userTypeId === 'string' ? '' : null;
  switch (field.userTypeId) {
    case 'integer':
    case 'employee':
      return toInt(name, value);
    case 'double':
      return toFloat(name, value);
    case 'boolean':
      return toYesNo(name, value);
    case 'date':
      return toDate(name, value, false);
    case 'datetime':
      return toDate(name, value, true);
    case 'enumeration': {
      const id = toInt(name, value);
      if (!field.enumItems.some((item) => item.id === id)) throw crmErrors.invalidValue(name);
      return id;
    }
    case 'money': {
      if (typeof value === 'number') return `${value}|EUR`;
      const text = String(value);
      const [amount = '', currency = 'EUR'] = text.split('|');
      if (!Number.isFinite(Number(amount))) throw crmErrors.invalidValue(name);
      return `${amount}|${currency || 'EUR'}`;
    }
    default:
      return String(value);
  }
}

function userFieldDescription(field: StoredUserField, language: string): ItemFieldDescription {
  const title = field.labels[language] ?? field.labels.en ?? field.fieldName;
  const description: ItemFieldDescription = {
    type: field.userTypeId,
    isRequired: field.mandatory,
    isReadOnly: false,
    isImmutable: false,
    isMultiple: field.multiple,
    isDynamic: true,
    title,
  };
  if (field.userTypeId === 'enumeration') {
    description.items = field.enumItems.map((item) => ({ ID: String(item.id), VALUE: item.value }));
  }
  description.listLabel = title;
  description.formLabel = title;
  description.filterLabel = title;
  description.settings = field.settings;
  return description;
}

export interface CatalogOptions {
  /** `useOriginalUfNames=Y`: custom fields keep their UPPER names. */
  originalUfNames: boolean;
}

export function itemFieldCatalog(
  process: StoredSmartProcess,
  context: MethodContext,
  options: CatalogOptions,
): ItemField[] {
  const language = context.config.language;
  const defaultCategory = context.store.state.categories.find(
    (category) => category.entityTypeId === process.entityTypeId && category.isDefault,
  );
  const typeTitle = (entityTypeId: number): string =>
    systemOwnerType(entityTypeId)?.name ??
    context.store.smartProcess(entityTypeId)?.title ??
    `PARENT_ID_${entityTypeId}`;
  const system: ItemField[] = systemFields(process, defaultCategory?.id ?? 0, typeTitle).map((field) => {
    const description: ItemFieldDescription = {
      type: field.type,
      isRequired: field.required ?? false,
      isReadOnly: field.readOnly ?? false,
      isImmutable: false,
      isMultiple: field.multiple ?? false,
      isDynamic: false,
      title: field.title,
      upperName: field.upperName,
      ...(field.deprecated ? { isDeprecated: true } : {}),
      ...(field.extra ?? {}),
    };
    const { write } = field;
    return {
      name: field.name,
      upperName: field.upperName,
      kind: field.kind,
      description,
      get: field.get,
      ...(write ? { write: (item: StoredItem, value: unknown) => write(item, value, process, context) } : {}),
    };
  });
  const custom: ItemField[] = context.store.state.userFields
    .filter((field) => field.entityTypeId === process.entityTypeId)
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .map((field) => {
      const name = options.originalUfNames ? field.fieldName : userFieldCamelName(field.fieldName);
      return {
        name,
        upperName: field.fieldName,
        kind: USER_FIELD_KIND[field.userTypeId] ?? 'string',
        description: { ...userFieldDescription(field, language), upperName: field.fieldName },
        userField: field,
        get: (item: StoredItem) => userFieldOutput(field, item.uf[field.fieldName]),
        write: (item: StoredItem, value: unknown) => {
          if (field.multiple) {
            if (value === null || value === '') {
              item.uf[field.fieldName] = [];
              return;
            }
            if (!Array.isArray(value) && !isRecord(value))
              throw crmErrors.notIterable(typeof value === 'number' ? 'integer' : typeof value);
            item.uf[field.fieldName] = Object.values(value as Record<string, unknown>)
              .map((entry) => writeOneUserValue(field, entry, name))
              .filter((entry) => entry !== null && entry !== '');
            return;
          }
          item.uf[field.fieldName] = writeOneUserValue(field, value, name);
        },
      };
    });
  // Custom fields sit between the system fields and the utm block, as in the docs' examples.
  const utmIndex = system.findIndex((field) => field.name === 'utmSource');
  return [...system.slice(0, utmIndex), ...custom, ...system.slice(utmIndex)];
}

/** Looks a field up by its crm.item name, its UPPER name, or (for custom fields) either form. */
export function findItemField(catalog: ItemField[], name: string): ItemField | undefined {
  return (
    catalog.find((field) => field.name === name) ??
    catalog.find((field) => field.upperName === name) ??
    catalog.find((field) => field.name.toLowerCase() === name.toLowerCase())
  );
}
