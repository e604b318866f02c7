/** Finding the smart process a crm call names, and the caller's right to it. */
import type { StoredSmartProcess } from '../../state/state-types';
import type { MethodContext } from '../method-types';
import { asInt, param } from '../params';
import type { Params } from '../params';
import { RestError } from '../rest-error';

export const crmErrors = {
  processNotFound: () => new RestError('NOT_FOUND', 'Smart process not found', 400),
  itemNotFound: () => new RestError('NOT_FOUND', 'Element not found', 400),
  accessDenied: (description = 'Access denied') => new RestError('ACCESS_DENIED', description, 400),
  missingParameter: (name: string) => new RestError(100, `Could not find value for parameter {${name}}`, 400),
  invalidFilter: (field: string) =>
    new RestError('INVALID_ARG_VALUE', `Invalid filter: field '${field}' is not allowed in filter`, 400),
  invalidOrderField: (field: string) =>
    new RestError('INVALID_ARG_VALUE', `Invalid order: field '${field}' is not allowed in order`, 400),
  invalidOrderDirection: (direction: string, field: string) =>
    new RestError(
      'INVALID_ARG_VALUE',
      `Invalid order: allowed sort directions are ASC, DESC. But got '${direction}' for field '${field}'`,
      400,
    ),
  invalidValue: (field: string) =>
    new RestError('CRM_FIELD_ERROR_VALUE_NOT_VALID', `Invalid value for field "${field}"`, 400),
  notIterable: (type: string) =>
    new RestError(100, `Expected iterable value for multiple field, but got ${type} instead`, 400),
  required: (title: string) => new RestError('CRM_FIELD_ERROR_REQUIRED', `The "${title}" field is required.`, 400),
};

export function canReadProcess(context: MethodContext, entityTypeId: number): boolean {
  const user = context.auth.user;
  return user.isAdmin || !user.deniedEntityTypeIds.includes(entityTypeId);
}

/** The smart process named by `entityTypeId`, or NOT_FOUND as crm.item.* answers. */
export function requireProcess(params: Params, context: MethodContext, name = 'entityTypeId'): StoredSmartProcess {
  const raw = param(params, name);
  if (raw === undefined || raw === null || raw === '') throw crmErrors.missingParameter(name);
  const entityTypeId = asInt(raw);
  const process = entityTypeId === null ? undefined : context.store.smartProcess(entityTypeId);
  if (!process) throw crmErrors.processNotFound();
  return process;
}

export function requireId(params: Params, name = 'id'): number {
  const raw = param(params, name);
  if (raw === undefined || raw === null || raw === '') throw crmErrors.missingParameter(name);
  const id = asInt(raw);
  if (id === null || id <= 0) throw crmErrors.itemNotFound();
  return id;
}
