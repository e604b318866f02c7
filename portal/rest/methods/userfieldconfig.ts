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
import { LANGUAGES } from '../../../placements/languages';

function entityIdOf(field: StoredUserField, context: MethodContext): string {
  const process = context.store.smartProcess(field.entityTypeId);
  return `CRM_${process?.id ?? 0}`;
}

function labelMap(field: StoredUserField, languages: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(languages.map((language) => [language, field.labels[language] ?? null]));
}

function nullMap(languages: readonly string[]): Record<string, null> {
  return Object.fromEntries(languages.map((language) => [language, null]));
}

const LANGUAGE_FIELDS = [
  'languageId',
  'editFormLabel',
  'listColumnLabel',
  'listFilterLabel',
  'errorMessage',
  'helpMessage',
];

/**
 * `select` of userfieldconfig.list (docs): field names or `*`, and a `language` (or `languageId`)
 * key that narrows the label maps to that language, e.g. `{"0": "*", "language": "de"}`.
 */
interface Selection {
  fields: Set<string> | null;
  languages: readonly string[];
}

function selectionOf(raw: unknown): Selection {
  const entries: Array<[string, unknown]> = isRecord(raw)
    ? Object.entries(raw)
    : Array.isArray(raw)
      ? raw.map((value, index) => [String(index), value])
      : [];
  let languages: readonly string[] = LANGUAGES;
  const names: string[] = [];
  for (const [key, value] of entries) {
    if (key === 'language' || key === 'languageId') {
      const language = asString(value);
      if (language) languages = [language];
      continue;
    }
    const name = asString(value);
    if (name) names.push(name);
  }
  const all = names.length === 0 || names.includes('*');
  return { fields: all ? null : new Set(names), languages };
}

function fieldToRest(
  field: StoredUserField,
  context: MethodContext,
  languages: readonly string[] = LANGUAGES,
): Record<string, unknown> {
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
    languageId: Object.fromEntries(languages.map((language) => [language, language])),
    editFormLabel: labelMap(field, languages),
    listColumnLabel: labelMap(field, languages),
    listFilterLabel: labelMap(field, languages),
    errorMessage: nullMap(languages),
    helpMessage: nullMap(languages),
  };
  return result;
}

/** The list's entry: the selected keys only, and no `enum` (the docs' list example has none; get carries it). */
function listedField(field: StoredUserField, context: MethodContext, selection: Selection): Record<string, unknown> {
  const full = fieldToRest(field, context, selection.languages);
  if (!selection.fields) return full;
  const wanted = selection.fields;
  const wantsLanguage = wanted.has('languageId') || LANGUAGE_FIELDS.some((name) => wanted.has(name));
  return Object.fromEntries(
    Object.entries(full).filter(([key]) => wanted.has(key) || (wantsLanguage && LANGUAGE_FIELDS.includes(key))),
  );
}

function fieldWithEnum(field: StoredUserField, context: MethodContext): Record<string, unknown> {
  const result = fieldToRest(field, context);
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
        compileOrder(isRecord(order) ? order : { sort: 'ASC', id: 'ASC' }, resolve, {
          onUnknownField: () => undefined,
          onBadDirection: () => undefined,
        }) ?? (() => 0);
      const rows = visibleFields(context).filter(predicate).sort(comparator);
      const page = paginate(rows, param(params, 'start'));
      const selection = selectionOf(param(params, 'select'));
      return ok({ fields: page.rows.map((field) => listedField(field, context, selection)) }, page);
    },
  },
  {
    name: 'userfieldconfig.get',
    scope: 'userfieldconfig',
    handler: (params, context) => {
      requireCrmModule(params);
      const id = asInt(param(params, 'id'));
      const field = visibleFields(context).find((candidate) => candidate.id === id);
      // The portal answers a missing (or deleted) field as it answers a field the caller may not see.
      if (!field) throw new RestError('', 'You do not have permission to view user field settings', 400);
      return ok({ field: fieldWithEnum(field, context) });
    },
  },
];
