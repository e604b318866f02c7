/**
 * Renaming funnels and stages, as a portal administrator does while the app is open:
 * crm.category.update (docs crm/universal/category/crm-category-update.md) and
 * crm.status.update (docs crm/status/crm-status-update.md). Both are for CRM administrators only.
 */
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asString, asYesNo, isRecord, param } from '../params';
import type { Params } from '../params';
import { RestError } from '../rest-error';
import { crmErrors, requireId, requireProcess } from '../crm/crm-access';

/** Longest funnel name crm.category.update takes (docs: "length cannot exceed 255 characters"). */
const CATEGORY_NAME_MAX_CHARACTERS = 255;

/**
 * The classic CRM REST answers its failures with an empty `error` and the message as
 * `error_description` (as crm.status.list and crm.activity.get do); the texts are the docs'.
 */
const statusError = (description: string) => new RestError('', description, 400);

function fieldsOf(params: Params): Record<string, unknown> {
  const fields = param(params, 'fields');
  return isRecord(fields) ? fields : {};
}

/** A name as the portal takes it: trimmed; empty or blank is no name. */
function nameValue(value: unknown): string {
  return asString(value).trim();
}

/**
 * crm.category.update: `name` (not empty, at most 255 characters), `sort` (negative → 0) and
 * `isDefault` "Y" (the funnel becomes the default; the previous default stops being it). "N" on the
 * default funnel is ignored: a smart process always has one default funnel. Returns the funnel.
 */
function updateCategory(params: Params, context: MethodContext) {
  const process = requireProcess(params, context);
  const id = requireId(params);
  const categories = context.store.state.categories;
  const category = categories.find(
    (candidate) => candidate.entityTypeId === process.entityTypeId && candidate.id === id,
  );
  if (!category) throw crmErrors.itemNotFound();
  if (!context.auth.user.isAdmin) throw crmErrors.accessDenied('Access denied');
  const fields = fieldsOf(params);
  const name = param(fields, 'name');
  if (name !== undefined) {
    const trimmed = nameValue(name);
    if (trimmed === '') throw new RestError(0, "Field 'NAME' is required", 400);
    if ([...trimmed].length > CATEGORY_NAME_MAX_CHARACTERS)
      throw new RestError(0, `Field 'NAME' must be at most ${CATEGORY_NAME_MAX_CHARACTERS} characters long`, 400);
  }
  const sort = asInt(param(fields, 'sort'));
  if (name !== undefined) category.name = nameValue(name);
  if (sort !== null) category.sort = Math.max(0, sort);
  if (asYesNo(param(fields, 'isDefault')) === 'Y' && !category.isDefault) {
    for (const other of categories) if (other.entityTypeId === process.entityTypeId) other.isDefault = false;
    category.isDefault = true;
  }
  context.store.changed();
  return ok({
    category: {
      id: category.id,
      name: category.name,
      sort: category.sort,
      entityTypeId: category.entityTypeId,
      isDefault: category.isDefault ? 'Y' : 'N',
    },
  });
}

/**
 * crm.status.update by the stage's `ID` (crm.status.list): `NAME` (not empty), `SORT`, `COLOR`
 * (`#RRGGBB`). Smart-process stages only; the SOURCE directory is read-only here.
 */
function updateStatus(params: Params, context: MethodContext) {
  const id = asInt(param(params, 'id'));
  if (id === null || id <= 0) throw statusError('Invalid identifier.');
  if (!context.auth.user.isAdmin) throw statusError('Access denied.');
  const stage = context.store.state.stages.find((candidate) => candidate.id === id);
  if (!stage) throw statusError('Status is not found.');
  const fields = Object.fromEntries(Object.entries(fieldsOf(params)).map(([key, value]) => [key.toUpperCase(), value]));
  const name = fields.NAME === undefined ? undefined : nameValue(fields.NAME);
  const color = fields.COLOR === undefined ? undefined : asString(fields.COLOR).trim();
  if (name === '' || (color !== undefined && !/^#[0-9a-f]{6}$/i.test(color)))
    throw statusError('Error on updating status.');
  if (name !== undefined) stage.name = name;
  const sort = asInt(fields.SORT);
  if (sort !== null) stage.sort = sort;
  if (color !== undefined) stage.color = color;
  context.store.changed();
  return ok(true);
}

export const crmStageUpdateMethods: MethodDefinition[] = [
  { name: 'crm.category.update', scope: 'crm', handler: updateCategory },
  { name: 'crm.status.update', scope: 'crm', handler: updateStatus },
];
