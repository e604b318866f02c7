/**
 * user.current, user.get, user.search, user.update (scope user). UPPER keys, string ID, boolean
 * ACTIVE, integer UF_DEPARTMENT, absolute PERSONAL_PHOTO; 50 a page with next/total.
 */
import { photoUrl } from '../../state/host-data-adapter';
import type { StoredUser } from '../../state/state-types';
import { compileFilter, compileOrder, paginate } from '../filter';
import type { FieldResolver, FilterField } from '../filter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { PHP_EMPTY_OBJECT } from '../php-json';
import { asInt, asList, asString, asYesNo, isRecord, param } from '../params';
import type { Params } from '../params';
import { RestError } from '../rest-error';

function lastActivity(user: StoredUser): string {
  return user.lastLogin.slice(0, 19).replace('T', ' ');
}

export function userToRest(user: StoredUser, context: MethodContext): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ID: String(user.id),
    XML_ID: '',
    ACTIVE: user.active,
    NAME: user.name,
    LAST_NAME: user.lastName,
    SECOND_NAME: user.secondName,
    EMAIL: user.email,
    LAST_LOGIN: user.lastLogin,
    DATE_REGISTER: user.dateRegister,
    TIME_ZONE: user.timeZone ?? '',
    IS_ONLINE: user.isOnline ? 'Y' : 'N',
    LAST_ACTIVITY_DATE: lastActivity(user),
    PERSONAL_GENDER: user.gender,
    PERSONAL_BIRTHDAY: user.personalBirthday,
    PERSONAL_MOBILE: user.personalMobile,
    PERSONAL_CITY: '',
    WORK_PHONE: user.workPhone,
    WORK_POSITION: user.position,
    UF_EMPLOYMENT_DATE: '',
    UF_DEPARTMENT: [...user.departmentIds],
    USER_TYPE: 'employee',
  };
  if (user.photoPath) result.PERSONAL_PHOTO = photoUrl(context.origin, user);
  return result;
}

/**
 * user.get / user.search write the date-time objects they hold as `{}` (TIMESTAMP_X,
 * LAST_ACTIVITY_DATE: docs user-get.md) and carry PERSONAL_WWW; user.current writes
 * LAST_ACTIVITY_DATE as text (docs user-current.md).
 */
function listedUser(user: StoredUser, context: MethodContext): Record<string, unknown> {
  const result = userToRest(user, context);
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result)) {
    if (key === 'LAST_ACTIVITY_DATE') {
      ordered.TIMESTAMP_X = PHP_EMPTY_OBJECT;
      ordered.LAST_ACTIVITY_DATE = PHP_EMPTY_OBJECT;
    } else {
      ordered[key] = value;
    }
    if (key === 'PERSONAL_GENDER') ordered.PERSONAL_WWW = '';
  }
  return ordered;
}

function userFields(context: MethodContext): FieldResolver<StoredUser> {
  const departments = context.store.state.departments;
  const fields: Record<string, FilterField<StoredUser>> = {
    ID: { kind: 'int', get: (user) => user.id },
    ACTIVE: { kind: 'bool', get: (user) => (user.active ? 'Y' : 'N') },
    NAME: { kind: 'string', get: (user) => user.name },
    LAST_NAME: { kind: 'string', get: (user) => user.lastName },
    SECOND_NAME: { kind: 'string', get: (user) => user.secondName },
    EMAIL: { kind: 'string', get: (user) => user.email },
    WORK_POSITION: { kind: 'string', get: (user) => user.position },
    WORK_PHONE: { kind: 'string', get: (user) => user.workPhone },
    PERSONAL_GENDER: { kind: 'string', get: (user) => user.gender },
    IS_ONLINE: { kind: 'bool', get: (user) => (user.isOnline ? 'Y' : 'N') },
    UF_DEPARTMENT: { kind: 'int', get: (user) => user.departmentIds },
    UF_DEPARTMENT_NAME: {
      kind: 'string',
      get: (user) => user.departmentIds.map((id) => departments.find((department) => department.id === id)?.name ?? ''),
    },
    USER_TYPE: { kind: 'string', get: () => 'employee' },
    DATE_REGISTER: { kind: 'date', get: (user) => user.dateRegister },
    LAST_LOGIN: { kind: 'date', get: (user) => user.lastLogin },
    NAME_SEARCH: { kind: 'string', get: (user) => [`${user.name} ${user.lastName}`, `${user.lastName} ${user.name}`] },
  };
  return (name) => fields[name.toUpperCase()];
}

const RESERVED = new Set(['SORT', 'ORDER', 'FILTER', 'SELECT', 'START', 'ADMIN_MODE', 'IMAGE_RESIZE', 'FIND']);

/** user.get takes the filter under `filter`/`FILTER` or as top-level keys. */
function filterOf(params: Params): Record<string, unknown> {
  const nested = param(params, 'filter');
  if (isRecord(nested)) return nested;
  return Object.fromEntries(Object.entries(params).filter(([key]) => !RESERVED.has(key.toUpperCase())));
}

function listUsers(params: Params, context: MethodContext, filter: Record<string, unknown>, searchMode: boolean) {
  const resolve = userFields(context);
  const predicate = compileFilter(filter, resolve, {
    onUnknownField: () => undefined,
    plainStringMode: (name) =>
      searchMode ||
      ['NAME', 'LAST_NAME', 'SECOND_NAME', 'EMAIL', 'WORK_POSITION', 'NAME_SEARCH'].includes(name.toUpperCase())
        ? 'like'
        : 'exact',
  });
  let users = context.store.state.users.filter(predicate);
  const find = asString(
    param(params, 'FIND') ??
      (isRecord(param(params, 'filter')) ? param(param(params, 'filter') as Params, 'FIND') : undefined),
  );
  if (find) {
    const needle = find.toLowerCase();
    const departmentName = resolve('UF_DEPARTMENT_NAME')!;
    users = users.filter((user) =>
      [
        user.name,
        user.lastName,
        `${user.name} ${user.lastName}`,
        user.position,
        user.email,
        ...(departmentName.get(user) as string[]),
      ].some((text) => text.toLowerCase().includes(needle)),
    );
  }
  const sortField = asString(param(params, 'sort')) || 'ID';
  const direction = asString(param(params, 'order')).toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const comparator = compileOrder({ [sortField]: direction }, resolve, {
    onUnknownField: () => undefined,
    onBadDirection: () => undefined,
  });
  if (comparator) users = [...users].sort(comparator);
  const page = paginate(users, param(params, 'start'));
  const select = asList(param(params, 'select'))
    .map((name) => asString(name).toUpperCase())
    .filter((name) => name !== '');
  return ok(
    page.rows.map((user) => selectUserFields(listedUser(user, context), select)),
    page,
  );
}

/**
 * `select` (docs user-get.md): only the named fields, `*` for all, `UF_*` for the custom ones;
 * names that do not exist are skipped without an error.
 */
function selectUserFields(user: Record<string, unknown>, select: string[]): Record<string, unknown> {
  if (select.length === 0 || select.includes('*')) return user;
  const wantsCustom = select.includes('UF_*');
  return Object.fromEntries(
    Object.entries(user).filter(([key]) => select.includes(key) || (wantsCustom && key.startsWith('UF_'))),
  );
}

/** Search terms become substring conditions, as the portal's user search does. */
function searchFilter(params: Params): Record<string, unknown> {
  const filter = filterOf(params);
  const terms: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.toUpperCase() === 'FIND') continue;
    const upper = key.toUpperCase();
    if (
      ['NAME', 'LAST_NAME', 'WORK_POSITION', 'UF_DEPARTMENT_NAME', 'EMAIL'].includes(upper) &&
      typeof value === 'string'
    ) {
      terms[`%${upper}`] = value.replace(/%/g, '');
    } else {
      terms[key] = value;
    }
  }
  return terms;
}

/** Text fields user.update writes onto the stored user (docs user-update.md); others are accepted and ignored. */
const TEXT_FIELDS: Record<
  string,
  'name' | 'lastName' | 'secondName' | 'email' | 'position' | 'workPhone' | 'personalMobile'
> = {
  NAME: 'name',
  LAST_NAME: 'lastName',
  SECOND_NAME: 'secondName',
  EMAIL: 'email',
  WORK_POSITION: 'position',
  WORK_PHONE: 'workPhone',
  PERSONAL_MOBILE: 'personalMobile',
};

/**
 * user.update (docs user-update.md): administrators only; `ACTIVE` "N" dismisses the user (no
 * longer able to call REST; user.get shows `ACTIVE: false`), "Y" brings them back. Errors are
 * the docs' ERROR_CORE (400): "access_denied" for a caller who is not an administrator and for an
 * ID naming no user; an empty description for a missing or malformed ID (the docs list both for an
 * invalid ID without saying which is which — this split is the emulator's).
 */
function updateUser(params: Params, context: MethodContext) {
  const fields = Object.fromEntries(Object.entries(params).map(([key, value]) => [key.toUpperCase(), value]));
  const id = asInt(fields.ID);
  if (id === null || id <= 0) throw new RestError('ERROR_CORE', '', 400);
  if (!context.auth.user.isAdmin) throw new RestError('ERROR_CORE', 'access_denied', 400);
  const user = context.store.user(id);
  if (!user) throw new RestError('ERROR_CORE', 'access_denied', 400);
  for (const [key, property] of Object.entries(TEXT_FIELDS)) {
    if (fields[key] !== undefined) user[property] = asString(fields[key]);
  }
  if (fields.PERSONAL_GENDER !== undefined) {
    const gender = asString(fields.PERSONAL_GENDER).toUpperCase();
    user.gender = gender === 'M' || gender === 'F' ? gender : '';
  }
  if (fields.UF_DEPARTMENT !== undefined) {
    const departments = asList(fields.UF_DEPARTMENT)
      .map(asInt)
      .filter((department): department is number => department !== null && department > 0);
    if (departments.length > 0) user.departmentIds = departments;
  }
  if (fields.ACTIVE !== undefined) {
    const active = asYesNo(fields.ACTIVE);
    if (active !== null) user.active = active === 'Y';
  }
  context.store.changed();
  return ok(true);
}

export const userMethods: MethodDefinition[] = [
  {
    name: 'user.current',
    scope: 'user',
    handler: (_params, context) => ok(userToRest(context.auth.user, context)),
  },
  {
    name: 'user.get',
    scope: 'user',
    handler: (params, context) => {
      const filter = filterOf(params);
      const ids = param(filter, 'ID');
      if (Array.isArray(ids) || isRecord(ids)) filter.ID = asList(ids);
      return listUsers(params, context, filter, false);
    },
  },
  {
    name: 'user.search',
    scope: 'user',
    handler: (params, context) => listUsers(params, context, searchFilter(params), true),
  },
  {
    name: 'user.update',
    scope: 'user',
    handler: updateUser,
  },
];
