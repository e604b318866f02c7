/**
 * crm.enum.ownertype and crm.type.list / get / getByEntityTypeId / fields / update. crm.type.list
 * needs a CRM administrator; get needs read access to the type. Not found is HTTP 400 with the
 * integer error code 0, as the docs show.
 */
import { formatPortalDateTime } from '../../state/portal-time';
import { shortCode } from '../../state/host-data-adapter';
import type { StoredSmartProcess } from '../../state/state-types';
import { canReadProcess, crmErrors } from '../crm/crm-access';
import { compileFilter, compileOrder, paginate } from '../filter';
import type { FieldKind, FieldResolver } from '../filter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asYesNo, isRecord, param } from '../params';
import { RestError } from '../rest-error';

const SYSTEM_OWNER_TYPES: Array<[number, string, string, string]> = [
  [1, 'Lead', 'LEAD', 'L'],
  [2, 'Deal', 'DEAL', 'D'],
  [3, 'Contact', 'CONTACT', 'C'],
  [4, 'Company', 'COMPANY', 'CO'],
  [5, 'Invoice (old version)', 'INVOICE', 'I'],
  [7, 'Estimate', 'QUOTE', 'Q'],
  [8, 'Requisite', 'REQUISITE', 'RQ'],
  [14, 'Order', 'ORDER', 'O'],
  [31, 'Invoice', 'SMART_INVOICE', 'SI'],
  [36, 'Document', 'SMART_DOCUMENT', 'DO'],
];

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

function typeToRest(process: StoredSmartProcess, detailed: boolean): Record<string, unknown> {
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
    result.relations = process.relations;
    result.linkedUserFields = process.linkedUserFields;
    result.customSections = [];
  }
  return result;
}

function requireCrmAdmin(context: MethodContext): void {
  if (!context.auth.user.isAdmin) throw crmErrors.accessDenied('Access denied');
}

const typeNotFound = (description: string) => new RestError(0, description, 400);

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

const TYPE_FIELD_DESCRIPTIONS: Array<[string, string, string, boolean]> = [
  ['id', 'integer', 'ID', true],
  ['title', 'string', 'Name', false],
  ['code', 'string', 'Code', false],
  ['createdBy', 'user', 'Created by', true],
  ['entityTypeId', 'integer', 'Entity type ID', false],
  ['customSectionId', 'integer', 'Digital workplace', false],
  ...TYPE_FLAG_NAMES.map((flag): [string, string, string, boolean] => [flag, 'boolean', flag, false]),
  ['createdTime', 'datetime', 'Created on', true],
  ['updatedTime', 'datetime', 'Updated on', true],
  ['updatedBy', 'user', 'Updated by', true],
];

function requireTypeById(context: MethodContext, rawId: unknown): StoredSmartProcess {
  const id = asInt(rawId);
  const process = id === null ? undefined : context.store.smartProcessById(id);
  if (!process) throw typeNotFound('SPA not found');
  return process;
}

function requireReadAccess(context: MethodContext, process: StoredSmartProcess): void {
  if (!context.auth.user.isAdmin && !canReadProcess(context, process.entityTypeId)) throw crmErrors.accessDenied('Access denied');
}

export const crmTypeMethods: MethodDefinition[] = [
  {
    name: 'crm.enum.ownertype',
    scope: 'crm',
    handler: (_params, context) => {
      const system = SYSTEM_OWNER_TYPES.map(([id, name, symbolCode, short]) => ({ ID: id, NAME: name, SYMBOL_CODE: symbolCode, SYMBOL_CODE_SHORT: short }));
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
    handler: () =>
      ok({
        fields: Object.fromEntries(
          TYPE_FIELD_DESCRIPTIONS.map(([name, type, title, readOnly]) => [
            name,
            { type, isRequired: name === 'title', isReadOnly: readOnly, isImmutable: name === 'entityTypeId', isMultiple: false, isDynamic: false, title },
          ]),
        ),
      }),
  },
  {
    name: 'crm.type.update',
    scope: 'crm',
    handler: (params, context) => {
      requireCrmAdmin(context);
      const process = requireTypeById(context, param(params, 'id'));
      const fields = param(params, 'fields');
      if (!isRecord(fields)) throw crmErrors.missingParameter('fields');
      if (typeof fields.title === 'string' && fields.title.trim() !== '') process.title = fields.title.trim();
      if (typeof fields.code === 'string') process.code = fields.code;
      for (const flag of TYPE_FLAG_NAMES) {
        if (fields[flag] === undefined) continue;
        const value = asYesNo(fields[flag]);
        if (!value) throw crmErrors.invalidValue(flag);
        process.flags[flag] = value;
      }
      const linked = fields.linkedUserFields;
      if (isRecord(linked)) {
        for (const [key, raw] of Object.entries(linked)) {
          const value = asYesNo(raw);
          if (value) process.linkedUserFields[key] = value;
        }
      } else if (fields.isUseInUserfieldEnabled !== undefined) {
        // Switching the option without naming fields links (or unlinks) tasks and calendar events, as the type settings form does.
        const enabled = process.flags.isUseInUserfieldEnabled === 'Y' ? 'Y' : 'N';
        process.linkedUserFields['TASKS_TASK|UF_CRM_TASK'] = enabled;
        process.linkedUserFields['CALENDAR_EVENT|UF_CRM_CAL_EVENT'] = enabled;
      }
      if (process.flags.isUseInUserfieldEnabled !== 'Y') {
        for (const key of Object.keys(process.linkedUserFields)) process.linkedUserFields[key] = 'N';
      }
      process.updatedTime = formatPortalDateTime(context.now);
      process.updatedBy = context.auth.userId;
      context.store.changed();
      return ok({ type: typeToRest(process, true) });
    },
  },
];
