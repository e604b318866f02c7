/**
 * userfieldconfig.list / get (scope userfieldconfig, moduleId "crm"): custom field settings
 * with string ids, "Y"/"N" flags and label maps per language. Errors carry an empty `error`.
 */
import type { StoredUserField } from '../../state/state-types';
import { canReadProcess } from '../crm/crm-access';
import { compileFilter, compileOrder, paginate } from '../filter';
import type { FieldKind, FieldResolver } from '../filter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asString, isRecord, param } from '../params';
import type { Params } from '../params';
import { RestError } from '../rest-error';

const LANGUAGES = ['en', 'ru', 'de'];

function entityIdOf(field: StoredUserField, context: MethodContext): string {
  const process = context.store.smartProcess(field.entityTypeId);
  return `CRM_${process?.id ?? 0}`;
}

function labelMap(field: StoredUserField): Record<string, string | null> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, field.labels[language] ?? null]));
}

function nullMap(): Record<string, null> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, null]));
}

function fieldToRest(field: StoredUserField, context: MethodContext): Record<string, unknown> {
  const result: Record<string, unknown> = {
    id: String(field.id),
    entityId: entityIdOf(field, context),
    fieldName: field.fieldName,
    userTypeId: field.userTypeId,
    xmlId: null,
    sort: String(field.sort),
    multiple: field.multiple ? 'Y' : 'N',
    mandatory: field.mandatory ? 'Y' : 'N',
    showFilter: 'E',
    showInList: 'Y',
    editInList: 'Y',
    isSearchable: 'N',
    settings: field.settings,
    languageId: Object.fromEntries(LANGUAGES.map((language) => [language, language])),
    editFormLabel: labelMap(field),
    listColumnLabel: labelMap(field),
    listFilterLabel: labelMap(field),
    errorMessage: nullMap(),
    helpMessage: nullMap(),
  };
  if (field.userTypeId === 'enumeration') {
    result.enum = field.enumItems.map((item) => ({
      id: String(item.id),
      userFieldId: String(field.id),
      value: item.value,
      def: item.def,
      sort: String(item.sort),
      xmlId: item.xmlId,
    }));
  }
  return result;
}

function requireCrmModule(params: Params): void {
  const moduleId = asString(param(params, 'moduleId'));
  if (moduleId === '') throw new RestError('', 'Module ID is not specified', 400);
  if (moduleId !== 'crm') throw new RestError('', 'No settings for UserFieldAccess', 400);
}

function fieldResolver(context: MethodContext): FieldResolver<StoredUserField> {
  const fields: Record<string, { kind: FieldKind; get: (field: StoredUserField) => unknown }> = {
    id: { kind: 'int', get: (field) => field.id },
    entityId: { kind: 'string', get: (field) => entityIdOf(field, context) },
    fieldName: { kind: 'string', get: (field) => field.fieldName },
    userTypeId: { kind: 'string', get: (field) => field.userTypeId },
    xmlId: { kind: 'string', get: () => null },
    sort: { kind: 'int', get: (field) => field.sort },
    multiple: { kind: 'bool', get: (field) => (field.multiple ? 'Y' : 'N') },
    mandatory: { kind: 'bool', get: (field) => (field.mandatory ? 'Y' : 'N') },
    showFilter: { kind: 'string', get: () => 'E' },
    showInList: { kind: 'bool', get: () => 'Y' },
    editInList: { kind: 'bool', get: () => 'Y' },
    isSearchable: { kind: 'bool', get: () => 'N' },
  };
  return (name) => fields[name];
}

function visibleFields(context: MethodContext): StoredUserField[] {
  return context.store.state.userFields.filter((field) => canReadProcess(context, field.entityTypeId));
}

export const userFieldConfigMethods: MethodDefinition[] = [
  {
    name: 'userfieldconfig.list',
    scope: 'userfieldconfig',
    handler: (params, context) => {
      requireCrmModule(params);
      const resolve = fieldResolver(context);
      const predicate = compileFilter(param(params, 'filter'), resolve, {
        onUnknownField: (name) => {
          throw new RestError('', `Invalid filter: field '${name}' is not allowed in filter`, 400);
        },
      });
      const order = param(params, 'order');
      const comparator =
        compileOrder(isRecord(order) ? order : { sort: 'ASC', id: 'ASC' }, resolve, { onUnknownField: () => undefined, onBadDirection: () => undefined }) ??
        (() => 0);
      const rows = visibleFields(context).filter(predicate).sort(comparator);
      const page = paginate(rows, param(params, 'start'));
      return ok({ fields: page.rows.map((field) => fieldToRest(field, context)) }, page);
    },
  },
  {
    name: 'userfieldconfig.get',
    scope: 'userfieldconfig',
    handler: (params, context) => {
      requireCrmModule(params);
      const id = asInt(param(params, 'id'));
      const field = visibleFields(context).find((candidate) => candidate.id === id);
      return ok({ field: field ? fieldToRest(field, context) : null });
    },
  },
];
