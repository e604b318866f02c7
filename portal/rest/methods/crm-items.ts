/**
 * crm.item.fields / list / get / add / update / delete for smart processes: camelCase keys,
 * integer ids, "Y"/"N" flags, `{item}` / `{items}` / `{fields}` wrappers, 50 a page.
 */
import { formatPortalDate, formatPortalDateTime } from '../../portal-time';
import type { StoredItem, StoredSmartProcess } from '../../state/state-types';
import { canReadProcess, crmErrors, requireId, requireProcess } from '../crm/crm-access';
import { findItemField, itemFieldCatalog } from '../crm/item-fields';
import type { ItemField } from '../crm/item-fields';
import { compileFilter, compileOrder, paginate } from '../filter';
import type { FieldResolver } from '../filter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asList, asString, isRecord, param } from '../params';
import type { Params } from '../params';
import { RestError } from '../rest-error';

const DAY_MS = 86_400_000;

function catalogFor(process: StoredSmartProcess, params: Params, context: MethodContext): ItemField[] {
  return itemFieldCatalog(process, context, {
    originalUfNames: asString(param(params, 'useOriginalUfNames')).toUpperCase() === 'Y',
  });
}

function requireReadable(process: StoredSmartProcess, context: MethodContext, description = 'Access denied'): void {
  if (!canReadProcess(context, process.entityTypeId)) throw crmErrors.accessDenied(description);
}

export function itemToRest(item: StoredItem, fields: ItemField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, field.get(item)]));
}

function selectedFields(catalog: ItemField[], select: unknown): ItemField[] {
  const names = asList(select)
    .map((entry) => asString(entry))
    .filter((name) => name !== '');
  if (names.length === 0 || names.includes('*')) return catalog;
  const chosen = new Set<ItemField>([catalog.find((field) => field.name === 'id')!]);
  for (const name of names) {
    if (name.toLowerCase() === 'uf*') {
      for (const field of catalog) if (field.userField) chosen.add(field);
      continue;
    }
    const field = findItemField(catalog, name);
    if (field) chosen.add(field);
  }
  return catalog.filter((field) => chosen.has(field));
}

function resolverFor(catalog: ItemField[]): FieldResolver<StoredItem> {
  return (name) => {
    const field = findItemField(catalog, name);
    return field ? { kind: field.kind, get: field.get } : undefined;
  };
}

function fieldsParam(params: Params): Record<string, unknown> {
  const fields = param(params, 'fields');
  if (!isRecord(fields)) throw crmErrors.missingParameter('fields');
  return fields;
}

/** Writes client fields through the catalog; unknown and read-only fields are ignored, as documented. */
function applyFields(item: StoredItem, fields: Record<string, unknown>, catalog: ItemField[]): void {
  for (const [name, value] of Object.entries(fields)) {
    const field = findItemField(catalog, name);
    if (field?.write) field.write(item, value);
  }
}

function stagesOf(context: MethodContext, entityTypeId: number, categoryId: number) {
  return context.store.state.stages
    .filter((row) => row.entityTypeId === entityTypeId && row.categoryId === categoryId)
    .sort((a, b) => a.sort - b.sort);
}

function checkStage(item: StoredItem, context: MethodContext): void {
  if (!stagesOf(context, item.entityTypeId, item.categoryId).some((row) => row.statusId === item.stageId)) {
    throw crmErrors.invalidValue('stageId');
  }
}

function checkRequired(item: StoredItem, catalog: ItemField[]): void {
  for (const field of catalog) {
    if (!field.userField?.mandatory) continue;
    const value = item.uf[field.userField.fieldName];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      throw crmErrors.required(field.description.title);
    }
  }
}

function touch(item: StoredItem, context: MethodContext): void {
  const now = formatPortalDateTime(context.now);
  item.updatedTime = now;
  item.updatedBy = context.auth.userId;
  item.lastActivityTime = now;
  item.lastActivityBy = context.auth.userId;
}

function findItem(process: StoredSmartProcess, params: Params, context: MethodContext): StoredItem {
  const id = requireId(params);
  const item = context.store.item(process.entityTypeId, id);
  if (!item) throw crmErrors.itemNotFound();
  return item;
}

function createItem(
  process: StoredSmartProcess,
  fields: Record<string, unknown>,
  catalog: ItemField[],
  context: MethodContext,
): StoredItem {
  const now = context.now;
  const categories = context.store.state.categories.filter(
    (category) => category.entityTypeId === process.entityTypeId,
  );
  const defaultCategory = categories.find((category) => category.isDefault) ?? categories[0];
  const id = context.store.nextItemId(process.entityTypeId);
  const item: StoredItem = {
    id,
    entityTypeId: process.entityTypeId,
    title: '',
    categoryId: defaultCategory?.id ?? 0,
    stageId: '',
    previousStageId: null,
    assignedById: context.auth.userId,
    createdBy: context.auth.userId,
    updatedBy: context.auth.userId,
    createdTime: formatPortalDateTime(now),
    updatedTime: formatPortalDateTime(now),
    movedTime: formatPortalDateTime(now),
    begindate: formatPortalDate(now),
    closedate: formatPortalDate(now + 7 * DAY_MS),
    opportunity: 0,
    currencyId: 'EUR',
    sourceId: process.flags.isSourceEnabled === 'Y' ? 'CALL' : '',
    companyId: 0,
    contactIds: [],
    observers: [],
    uf: {},
    xmlId: null,
    opened: 'Y',
    movedBy: context.auth.userId,
    lastActivityBy: context.auth.userId,
    lastActivityTime: formatPortalDateTime(now),
    sourceDescription: null,
    isManualOpportunity: 'N',
    taxValue: 0,
    mycompanyId: 0,
    webformId: 0,
  };
  for (const field of catalog) {
    if (field.userField)
      item.uf[field.userField.fieldName] = field.userField.multiple
        ? []
        : field.userField.userTypeId === 'string'
          ? ''
          : null;
  }
  applyFields(item, fields, catalog);
  if (!item.title) item.title = `${process.title} #${id}`;
  if (!item.stageId) item.stageId = stagesOf(context, process.entityTypeId, item.categoryId)[0]?.statusId ?? '';
  checkStage(item, context);
  checkRequired(item, catalog);
  return item;
}

export const crmItemMethods: MethodDefinition[] = [
  {
    name: 'crm.item.fields',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      // Docs crm-item-fields.md: a user without read access to the type is refused.
      requireReadable(process, context, 'You do not have permission to view this item');
      const catalog = catalogFor(process, params, context);
      const fields: Record<string, unknown> = {};
      for (const field of catalog) {
        if (field.name === 'entityTypeId') continue;
        fields[field.name] = field.description;
        // The docs list a `contacts` field next to contactIds; it describes the client block and is never printed on an item.
        if (field.name === 'contactIds')
          fields.contacts = { ...field.description, title: 'CONTACTS', upperName: 'CONTACTS' };
      }
      return ok({ fields });
    },
  },
  {
    name: 'crm.item.list',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      const catalog = catalogFor(process, params, context);
      const resolve = resolverFor(catalog);
      const predicate = compileFilter(param(params, 'filter'), resolve, {
        onUnknownField: (name) => {
          throw crmErrors.invalidFilter(name);
        },
      });
      const order = param(params, 'order');
      const comparator =
        compileOrder(isRecord(order) && Object.keys(order).length > 0 ? order : { id: 'ASC' }, resolve, {
          onUnknownField: (name) => {
            throw crmErrors.invalidOrderField(name);
          },
          onBadDirection: (direction, name) => {
            throw crmErrors.invalidOrderDirection(direction, name);
          },
        }) ?? (() => 0);
      // Items the caller may not read are left out of the selection, not refused (docs crm-item-list.md).
      const readable = canReadProcess(context, process.entityTypeId) ? context.store.items(process.entityTypeId) : [];
      const rows = readable.filter(predicate).sort(comparator);
      const page = paginate(rows, param(params, 'start'));
      const fields = selectedFields(catalog, param(params, 'select'));
      return ok({ items: page.rows.map((item) => itemToRest(item, fields)) }, page);
    },
  },
  {
    name: 'crm.item.get',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      const item = findItem(process, params, context);
      requireReadable(process, context, 'You do not have permission to view this item');
      return ok({ item: itemToRest(item, catalogFor(process, params, context)) });
    },
  },
  {
    name: 'crm.item.add',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      requireReadable(process, context);
      const catalog = catalogFor(process, params, context);
      const fields = fieldsParam(params);
      const item = createItem(process, fields, catalog, context);
      context.store.state.items.push(item);
      context.store.changed();
      return ok({ item: itemToRest(item, catalog) });
    },
  },
  {
    name: 'crm.item.update',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      const item = findItem(process, params, context);
      requireReadable(process, context);
      const catalog = catalogFor(process, params, context);
      const fields = fieldsParam(params);
      const draft: StoredItem = structuredClone(item);
      applyFields(draft, fields, catalog);
      if (
        draft.categoryId !== item.categoryId &&
        findItemField(catalog, 'stageId') &&
        !Object.keys(fields).some((key) => /^(stageId|STAGE_ID)$/.test(key))
      ) {
        draft.stageId = stagesOf(context, process.entityTypeId, draft.categoryId)[0]?.statusId ?? '';
      }
      checkStage(draft, context);
      checkRequired(draft, catalog);
      if (draft.stageId !== item.stageId) {
        draft.previousStageId = item.stageId;
        draft.movedBy = context.auth.userId;
        draft.movedTime = formatPortalDateTime(context.now);
      }
      if (JSON.stringify(draft) !== JSON.stringify(item)) {
        touch(draft, context);
        Object.assign(item, draft);
        context.store.changed();
      }
      return ok({ item: itemToRest(item, catalog) });
    },
  },
  {
    name: 'crm.item.delete',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      const id = requireId(params);
      const item = context.store.item(process.entityTypeId, id);
      if (!item) throw new RestError('NOT_FOUND', 'Item not found', 400);
      requireReadable(process, context);
      const state = context.store.state;
      state.items = state.items.filter((candidate) => candidate !== item);
      state.activities = state.activities.filter(
        (activity) => !(activity.ownerTypeId === item.entityTypeId && activity.ownerId === item.id),
      );
      context.store.changed();
      return ok([]);
    },
  },
];
