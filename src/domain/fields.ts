/**
 * The item's fields as the tab shows them: each field's values typed by what they are (text,
 * number, money, date, user, CRM link, ...), formatting left to the UI's locale. Names of
 * users and titles of linked CRM items are looked up separately: the views say which ones.
 */

export interface FieldDefinition {
  /** camelCase name as crm.item returns it, e.g. `ufCrm7_1721812760630`. */
  name: string;
  label: string;
  /** crm.item.fields type: string, integer, double, money, date, datetime, boolean, enumeration, user, employee, crm, crm_entity, ... */
  type: string;
  isMultiple: boolean;
  isDynamic: boolean;
  isDeprecated: boolean;
  /** Enumeration items: id → label. */
  enumeration: ReadonlyMap<string, string> | null;
  settings: Readonly<Record<string, unknown>>;
  statusType: string | null;
}

export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'money'; amount: number; currency: string }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'user'; userId: number }
  | { kind: 'crm'; entityTypeId: number | null; entityId: number; code: string }
  /** A code from a CRM status directory (crm.status.list ENTITY_ID = statusType), e.g. SOURCE / OTHER. */
  | { kind: 'status'; statusType: string; statusId: string }
  | { kind: 'url'; href: string }
  | { kind: 'file'; href: string | null; fileId: string };

export interface FieldView {
  name: string;
  label: string;
  values: FieldValue[];
  isEmpty: boolean;
}

export interface FieldLookups {
  /** Short CRM type codes → entityTypeId (`CO` → 4, `Tb1` → 177), from crm.enum.ownertype. */
  entityTypeIdByShortCode: ReadonlyMap<string, number>;
  /** CRM type symbol codes → entityTypeId (`COMPANY` → 4, `DYNAMIC_177` → 177). */
  entityTypeIdBySymbolCode: ReadonlyMap<string, number>;
  /** Category id → name. */
  categoryNames: ReadonlyMap<number, string>;
}

/** Shown elsewhere in the tab (header) or technical: never listed as fields. */
const NOT_LISTED = new Set([
  'id',
  'title',
  'xmlId',
  'stageId',
  'previousStageId',
  'categoryId',
  'assignedById',
  'entityTypeId',
  'currencyId',
  'isManualOpportunity',
  'opportunityAccount',
  'accountCurrencyId',
  'taxValueAccount',
  'webformId',
  'lastActivityBy',
  'lastActivityTime',
  'movedBy',
  'movedTime',
  'updatedBy',
  'contactId',
  'contacts',
  'opened',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmContent',
  'utmTerm',
]);

/** Record metadata: listed after the business fields. */
const LISTED_LAST = ['createdBy', 'createdTime', 'updatedTime'];

const CRM_TYPE_BY_FIELD_TYPE: Record<string, number> = {
  crm_lead: 1,
  crm_deal: 2,
  crm_contact: 3,
  crm_company: 4,
  crm_quote: 7,
};

function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function asPositiveInteger(value: unknown): number | null {
  const number = asNumber(value);
  return number !== null && Number.isInteger(number) && number > 0 ? number : null;
}

function asBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 'Y' || value === '1' || value === 'y';
}

/** `100.50|EUR` (money UF) → amount and currency. */
export function parseMoney(value: unknown): { amount: number; currency: string } | null {
  if (typeof value !== 'string') return null;
  const [amountText, currency] = value.split('|');
  const amount = asNumber(amountText);
  return amount === null || !currency ? null : { amount, currency };
}

/** The one CRM type a `crm` field accepts when its settings allow exactly one (values are then bare ids). */
function singleCrmType(definition: FieldDefinition, lookups: FieldLookups): number | null {
  const parent = asPositiveInteger(definition.settings.parentEntityTypeId);
  if (parent) return parent;
  const allowed = Object.entries(definition.settings)
    .filter(([, flag]) => flag === 'Y')
    .map(([symbol]) => lookups.entityTypeIdBySymbolCode.get(symbol))
    .filter((id): id is number => id !== undefined);
  return allowed.length === 1 ? allowed[0]! : null;
}

function crmValue(raw: unknown, definition: FieldDefinition, lookups: FieldLookups): FieldValue | null {
  if (typeof raw === 'string' && /^[A-Za-z]/.test(raw)) {
    // `CO_5`, `D_10`, `Tb1_29`: a prefixed link to any CRM type.
    const match = /^([A-Za-z][A-Za-z0-9]*)_(\d+)$/.exec(raw);
    if (!match) return { kind: 'text', text: raw };
    const entityId = Number(match[2]);
    return entityId > 0
      ? { kind: 'crm', entityTypeId: lookups.entityTypeIdByShortCode.get(match[1]!) ?? null, entityId, code: raw }
      : null;
  }
  const entityId = asPositiveInteger(raw);
  if (entityId === null) return null;
  const entityTypeId = CRM_TYPE_BY_FIELD_TYPE[definition.type] ?? singleCrmType(definition, lookups);
  return { kind: 'crm', entityTypeId, entityId, code: `${entityTypeId ?? '?'}_${entityId}` };
}

function textValue(raw: unknown): FieldValue | null {
  return typeof raw === 'string' && raw.trim() !== '' ? { kind: 'text', text: raw } : null;
}

function numberValue(raw: unknown): FieldValue | null {
  const value = asNumber(raw);
  return value === null ? null : { kind: 'number', value };
}

function dateValue(kind: 'date' | 'datetime', raw: unknown): FieldValue | null {
  return typeof raw === 'string' && raw !== '' ? { kind, value: raw } : null;
}

/** The directory a `crm_status` field draws from: `statusType` (system fields), else a UF's `ENTITY_TYPE` setting. */
export function statusDirectoryOf(definition: FieldDefinition): string | null {
  if (definition.statusType) return definition.statusType;
  const setting = definition.settings.ENTITY_TYPE;
  return typeof setting === 'string' && setting !== '' ? setting : null;
}

function statusValue(raw: unknown, definition: FieldDefinition): FieldValue | null {
  const statusId = typeof raw === 'number' ? String(raw) : raw;
  if (typeof statusId !== 'string' || statusId.trim() === '') return null;
  const statusType = statusDirectoryOf(definition);
  return statusType ? { kind: 'status', statusType, statusId } : { kind: 'text', text: statusId };
}

function singleValue(raw: unknown, definition: FieldDefinition, lookups: FieldLookups): FieldValue | null {
  switch (definition.type) {
    case 'integer':
    case 'double':
      return numberValue(raw);
    case 'money': {
      const money = parseMoney(raw);
      return money ? { kind: 'money', ...money } : null;
    }
    case 'date':
    case 'datetime':
      return dateValue(definition.type, raw);
    case 'boolean':
      return { kind: 'boolean', value: asBoolean(raw) };
    case 'user':
    case 'employee': {
      const userId = asPositiveInteger(raw);
      return userId === null ? null : { kind: 'user', userId };
    }
    case 'enumeration': {
      const key = String(raw);
      return { kind: 'text', text: definition.enumeration?.get(key) ?? key };
    }
    case 'crm_status':
      return statusValue(raw, definition);
    case 'crm_category': {
      const id = asNumber(raw);
      return id === null ? null : { kind: 'text', text: lookups.categoryNames.get(id) ?? String(id) };
    }
    case 'crm':
    case 'crm_entity':
    case 'crm_company':
    case 'crm_contact':
    case 'crm_lead':
    case 'crm_deal':
    case 'crm_quote':
      return crmValue(raw, definition, lookups);
    case 'url':
      return typeof raw === 'string' && /^https?:\/\//i.test(raw) ? { kind: 'url', href: raw } : textValue(raw);
    case 'file': {
      if (typeof raw !== 'object' || raw === null) return null;
      const file = raw as { id?: unknown; url?: unknown };
      return { kind: 'file', fileId: String(file.id ?? ''), href: typeof file.url === 'string' ? file.url : null };
    }
    case 'address':
      // `Street, City|lat;lng|id`: the readable part comes first.
      return typeof raw === 'string' ? textValue(raw.split('|')[0]!.trim()) : null;
    default:
      if (typeof raw === 'number') return { kind: 'number', value: raw };
      if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
      return textValue(raw);
  }
}

function fieldValues(raw: unknown, definition: FieldDefinition, lookups: FieldLookups): FieldValue[] {
  if (definition.type === 'boolean' && !definition.isMultiple)
    return raw === null || raw === undefined || raw === '' ? [] : [singleValue(raw, definition, lookups)!];
  if (isBlank(raw)) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .map((entry) => singleValue(entry, definition, lookups))
    .filter((value): value is FieldValue => value !== null);
}

/** The system amount: `opportunity` with the item's `currencyId`; zero counts as not filled. */
function opportunityValues(item: Readonly<Record<string, unknown>>): FieldValue[] {
  const amount = asNumber(item.opportunity);
  const currency = typeof item.currencyId === 'string' ? item.currencyId : '';
  if (amount === null || amount === 0) return [];
  return currency ? [{ kind: 'money', amount, currency }] : [{ kind: 'number', value: amount }];
}

/**
 * The item's tax (`taxValue`, a plain double in crm.item.fields) is an amount in the item's
 * currency like `opportunity`, so it is shown as money alike; a zero tax is a fact ("€0.00").
 */
function taxValues(item: Readonly<Record<string, unknown>>): FieldValue[] {
  const amount = asNumber(item.taxValue);
  const currency = typeof item.currencyId === 'string' ? item.currencyId : '';
  if (amount === null) return [];
  return currency ? [{ kind: 'money', amount, currency }] : [{ kind: 'number', value: amount }];
}

export function buildFieldViews(
  definitions: readonly FieldDefinition[],
  item: Readonly<Record<string, unknown>>,
  lookups: FieldLookups,
): FieldView[] {
  const listed = definitions.filter(
    (definition) => !NOT_LISTED.has(definition.name) && !definition.isDeprecated && definition.name in item,
  );
  const ordered = [
    ...listed.filter((definition) => !LISTED_LAST.includes(definition.name)),
    ...LISTED_LAST.map((name) => listed.find((definition) => definition.name === name)).filter(
      (definition): definition is FieldDefinition => !!definition,
    ),
  ];
  return ordered.map((definition) => {
    const values =
      definition.name === 'opportunity'
        ? opportunityValues(item)
        : definition.name === 'taxValue'
          ? taxValues(item)
          : fieldValues(item[definition.name], definition, lookups);
    return { name: definition.name, label: definition.label || definition.name, values, isEmpty: values.length === 0 };
  });
}

/** Users the views name, so their names can be looked up in one request. */
export function referencedUserIds(views: readonly FieldView[]): number[] {
  const ids = new Set<number>();
  for (const view of views) for (const value of view.values) if (value.kind === 'user') ids.add(value.userId);
  return [...ids];
}

/** Status directories the views draw codes from, so their names can be looked up. */
export function referencedStatusTypes(views: readonly FieldView[]): string[] {
  const types = new Set<string>();
  for (const view of views) for (const value of view.values) if (value.kind === 'status') types.add(value.statusType);
  return [...types].sort();
}

/** CRM items the views link to, grouped by entityTypeId, so their titles can be looked up. */
export function referencedCrmItems(views: readonly FieldView[]): Map<number, number[]> {
  const byType = new Map<number, Set<number>>();
  for (const view of views) {
    for (const value of view.values) {
      if (value.kind !== 'crm' || value.entityTypeId === null) continue;
      const ids = byType.get(value.entityTypeId) ?? new Set<number>();
      ids.add(value.entityId);
      byType.set(value.entityTypeId, ids);
    }
  }
  return new Map([...byType].map(([type, ids]) => [type, [...ids]]));
}
