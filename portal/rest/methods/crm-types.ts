/**
 * crm.enum.ownertype and crm.type.list / get / getByEntityTypeId / fields / update (add and
 * delete: crm-type-lifecycle.ts). crm.type.list
 * needs a CRM administrator; get needs read access to the type. Not found is HTTP 400 with the
 * integer error code 0, as the docs show.
 */
import { formatPortalDateTime } from '../../portal-time';
import { shortCode } from '../../state/host-data-adapter';
import type { StoredSmartProcess } from '../../state/state-types';
import { canReadProcess, crmErrors } from '../crm/crm-access';
import { SYSTEM_OWNER_TYPES } from '../crm/owner-types';
import { compileFilter, compileOrder, paginate } from '../filter';
import type { FieldKind, FieldResolver } from '../filter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asYesNo, isRecord, param } from '../params';
import { applyLinkedUserFields, applyRelations, relationsToRest, syncClientRelations } from '../crm/type-settings';
import { RestError } from '../rest-error';

export const TYPE_FLAG_NAMES = [
  'isCategoriesEnabled',
  'isStagesEnabled',
  'isBeginCloseDatesEnabled',
  'isClientEnabled',
  'isUseInUserfieldEnabled',
  'isLinkWithProductsEnabled',
  'isMycompanyEnabled',
  'isDocumentsEnabled',
  'isSourceEnabled',
  'isObserversEnabled',
  'isRecyclebinEnabled',
  'isAutomationEnabled',
  'isBizProcEnabled',
  'isSetOpenPermissions',
  'isPaymentsEnabled',
  'isCountersEnabled',
] as const;

export function typeToRest(process: StoredSmartProcess, detailed: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = {
    id: process.id,
    title: process.title,
    code: process.code,
    createdBy: process.createdBy,
    entityTypeId: process.entityTypeId,
    customSectionId: null,
  };
  for (const flag of TYPE_FLAG_NAMES) result[flag] = process.flags[flag] ?? 'N';
  result.createdTime = process.createdTime;
  result.updatedTime = process.updatedTime;
  result.updatedBy = process.updatedBy;
  if (detailed) {
    result.relations = relationsToRest(process);
    result.linkedUserFields = process.linkedUserFields;
    result.customSections = [];
  }
  return result;
}

export function requireCrmAdmin(context: MethodContext): void {
  if (!context.auth.user.isAdmin) throw crmErrors.accessDenied('Access denied');
}

export const typeNotFound = (description: string) => new RestError(0, description, 400);

function typeFields(): FieldResolver<StoredSmartProcess> {
  const plain: Record<string, { kind: FieldKind; get: (process: StoredSmartProcess) => unknown }> = {
    id: { kind: 'int', get: (process) => process.id },
    title: { kind: 'string', get: (process) => process.title },
    code: { kind: 'string', get: (process) => process.code },
    entityTypeId: { kind: 'int', get: (process) => process.entityTypeId },
    createdBy: { kind: 'int', get: (process) => process.createdBy },
    updatedBy: { kind: 'int', get: (process) => process.updatedBy },
    createdTime: { kind: 'date', get: (process) => process.createdTime },
    updatedTime: { kind: 'date', get: (process) => process.updatedTime },
  };
  for (const flag of TYPE_FLAG_NAMES) plain[flag] = { kind: 'bool', get: (process) => process.flags[flag] };
  return (name) => plain[name];
}

/** crm.type.fields as documented (crm-type-fields.md): name, type, title, required, read-only, immutable. */
const TYPE_FIELD_DESCRIPTIONS: Array<[string, string, string, boolean, boolean, boolean]> = [
  ['id', 'integer', 'ID', false, true, false],
  ['title', 'string', 'Title', true, false, false],
  ['code', 'string', 'Symbolic Code', false, false, false],
  ['createdBy', 'user', 'Created By', false, true, false],
  ['entityTypeId', 'integer', 'Type Identifier', true, false, true],
  ['customSectionId', 'integer', 'Digital Workspace', false, false, true],
  ['isCategoriesEnabled', 'boolean', 'Use custom funnels and sales tunnels in the smart process', false, false, false],
  ['isStagesEnabled', 'boolean', 'Use custom stages and Kanban in the smart process', false, false, false],
  ['isBeginCloseDatesEnabled', 'boolean', "Fields 'Start Date' and 'End Date'", false, false, false],
  ['isClientEnabled', 'boolean', "Field 'Client'", false, false, false],
  ['isUseInUserfieldEnabled', 'boolean', 'Use in user field', false, false, false],
  ['isLinkWithProductsEnabled', 'boolean', 'Link with catalog products', false, false, false],
  ['isMycompanyEnabled', 'boolean', "Field 'Your Company Details'", false, false, false],
  ['isDocumentsEnabled', 'boolean', 'Document Printing', false, false, false],
  ['isSourceEnabled', 'boolean', "Fields 'Source' and 'Additional Information about Source'", false, false, false],
  ['isObserversEnabled', 'boolean', "Field 'Observers'", false, false, false],
  ['isRecyclebinEnabled', 'boolean', 'Use Recycle Bin', false, false, false],
  ['isAutomationEnabled', 'boolean', 'Use Automation rules and triggers in the smart process', false, false, false],
  ['isBizProcEnabled', 'boolean', 'Use business process designer in the smart process', false, false, false],
  ['isSetOpenPermissions', 'boolean', 'Make new funnels available to everyone', false, false, false],
  ['createdTime', 'datetime', 'Creation Date', false, false, false],
  ['updatedTime', 'datetime', 'Modification Date', false, false, false],
  ['updatedBy', 'user', 'Modified By', false, true, false],
];

/** camelCase → UPPER_SNAKE, as the portal's converter writes `upperName`. */
const upperName = (name: string): string => name.replace(/([A-Z])/g, '_$1').toUpperCase();

/** The docs word the same portal message "SPA not found" (get, update) and "Smart process not found" (delete). */
export function requireTypeById(
  context: MethodContext,
  rawId: unknown,
  notFound = 'SPA not found',
): StoredSmartProcess {
  const id = asInt(rawId);
  const process = id === null ? undefined : context.store.smartProcessById(id);
  if (!process) throw typeNotFound(notFound);
  return process;
}

function requireReadAccess(context: MethodContext, process: StoredSmartProcess): void {
  if (!context.auth.user.isAdmin && !canReadProcess(context, process.entityTypeId))
    throw crmErrors.accessDenied('Access denied');
}

export const crmTypeMethods: MethodDefinition[] = [
  {
    name: 'crm.enum.ownertype',
    scope: 'crm',
    handler: (_params, context) => {
      const system = SYSTEM_OWNER_TYPES.map((type) => ({
        ID: type.id,
        NAME: type.name,
        SYMBOL_CODE: type.symbolCode,
        SYMBOL_CODE_SHORT: type.shortCode,
      }));
      const dynamic = context.store.state.smartProcesses.map((process) => ({
        ID: process.entityTypeId,
        NAME: process.title,
        SYMBOL_CODE: `DYNAMIC_${process.entityTypeId}`,
        SYMBOL_CODE_SHORT: shortCode(process.entityTypeId),
      }));
      return ok([...system, ...dynamic]);
    },
  },
  {
    name: 'crm.type.list',
    scope: 'crm',
    handler: (params, context) => {
      requireCrmAdmin(context);
      const resolve = typeFields();
      const predicate = compileFilter(param(params, 'filter'), resolve, {
        onUnknownField: (name) => {
          throw crmErrors.invalidFilter(name);
        },
      });
      const comparator =
        compileOrder(param(params, 'order'), resolve, {
          onUnknownField: (name) => {
            throw crmErrors.invalidOrderField(name);
          },
          onBadDirection: (direction, name) => {
            throw crmErrors.invalidOrderDirection(direction, name);
          },
        }) ?? ((a: StoredSmartProcess, b: StoredSmartProcess) => a.id - b.id);
      const rows = context.store.state.smartProcesses.filter(predicate).sort(comparator);
      const page = paginate(rows, param(params, 'start'));
      return ok({ types: page.rows.map((process) => typeToRest(process, false)) }, page);
    },
  },
  {
    name: 'crm.type.get',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireTypeById(context, param(params, 'id'));
      requireReadAccess(context, process);
      return ok({ type: typeToRest(process, true) });
    },
  },
  {
    name: 'crm.type.getByEntityTypeId',
    scope: 'crm',
    handler: (params, context) => {
      const entityTypeId = asInt(param(params, 'entityTypeId'));
      const process = entityTypeId === null ? undefined : context.store.smartProcess(entityTypeId);
      if (!process) throw typeNotFound('Smart process not found');
      requireReadAccess(context, process);
      return ok({ type: typeToRest(process, true) });
    },
  },
  {
    name: 'crm.type.fields',
    scope: 'crm',
    handler: (_params, context) => {
      requireCrmAdmin(context);
      return ok({
        fields: Object.fromEntries(
          TYPE_FIELD_DESCRIPTIONS.map(([name, type, title, isRequired, isReadOnly, isImmutable]) => [
            name,
            {
              type,
              isRequired,
              isReadOnly,
              isImmutable,
              isMultiple: false,
              isDynamic: false,
              title,
              upperName: upperName(name),
            },
          ]),
        ),
      });
    },
  },
  {
    name: 'crm.type.update',
    scope: 'crm',
    handler: (params, context) => {
      // The portal resolves the type before it checks the caller's rights; `fields` is optional.
      const process = requireTypeById(context, param(params, 'id'));
      requireCrmAdmin(context);
      const given = param(params, 'fields');
      if (given !== undefined && !isRecord(given) && !(Array.isArray(given) && given.length === 0))
        throw crmErrors.missingParameter('fields');
      const fields = isRecord(given) ? given : {};
      if (typeof fields.title === 'string' && fields.title.trim() !== '') process.title = fields.title.trim();
      if (typeof fields.code === 'string') process.code = fields.code;
      for (const flag of TYPE_FLAG_NAMES) {
        if (fields[flag] === undefined) continue;
        const value = asYesNo(fields[flag]);
        if (!value) throw crmErrors.invalidValue(flag);
        process.flags[flag] = value;
      }
      applyLinkedUserFields(process, fields.linkedUserFields);
      if (fields.isClientEnabled !== undefined) syncClientRelations(process);
      applyRelations(
        process,
        fields.relations,
        context.store.state.smartProcesses.map((other) => other.entityTypeId),
      );
      process.updatedTime = formatPortalDateTime(context.now);
      process.updatedBy = context.auth.userId;
      context.store.changed();
      return ok({ type: typeToRest(process, true) });
    },
  },
];
