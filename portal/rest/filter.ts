/**
 * The portal's list filters and sorting, over in-memory records. Keys carry the documented
 * operator prefixes (`>=`, `>`, `<=`, `<`, `@` IN, `!@` NOT IN, `%` substring, `=%`/`%=` LIKE
 * with wildcards, `!%`, `!=%`/`!%=`, `=` default, `!=`/`!`), nested groups use `logic`
 * ("AND"/"OR"). String comparisons are case-insensitive, as MySQL's default collation makes them.
 */
import { parsePortalDate } from '../portal-time';
import { isRecord } from './params';

export type FieldKind = 'int' | 'float' | 'string' | 'date' | 'bool';

export interface FilterField<T> {
  kind: FieldKind;
  /** A scalar, or an array for multiple fields (a condition then holds if any element meets it). */
  get(record: T): unknown;
}

export type FieldResolver<T> = (name: string) => FilterField<T> | undefined;

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | '!in' | '%' | '!%' | 'like' | '!like';

export interface FilterOptions {
  /** Called for a key naming no known field; throw to reject, return to ignore the condition. */
  onUnknownField(name: string, key: string): void;
  /** How a plain key (no prefix) compares strings: exact (crm) or LIKE with wildcards (tasks TITLE, user NAME). */
  plainStringMode?: (name: string) => 'exact' | 'like';
}

export type Predicate<T> = (record: T) => boolean;

const OPERATOR_PREFIXES: Array<[string, Operator]> = [
  ['!=%', '!like'],
  ['!%=', '!like'],
  ['>=', '>='],
  ['<=', '<='],
  ['!@', '!in'],
  ['=%', 'like'],
  ['%=', 'like'],
  ['!%', '!%'],
  ['!=', '!='],
  ['>', '>'],
  ['<', '<'],
  ['@', 'in'],
  ['%', '%'],
  ['=', '='],
  ['!', '!='],
];

export function splitFilterKey(key: string): { operator: Operator; name: string; explicit: boolean } {
  for (const [prefix, operator] of OPERATOR_PREFIXES) {
    if (key.startsWith(prefix)) return { operator, name: key.slice(prefix.length), explicit: true };
  }
  return { operator: '=', name: key, explicit: false };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function likePattern(pattern: string): RegExp {
  let source = '';
  for (const char of pattern) {
    if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'is');
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function boolValue(value: unknown): 'Y' | 'N' | null {
  if (value === 'Y' || value === 'y' || value === true || value === 1 || value === '1') return 'Y';
  if (value === 'N' || value === 'n' || value === false || value === 0 || value === '0') return 'N';
  return null;
}

function comparable(kind: FieldKind, value: unknown): number | string | null {
  if (isEmpty(value)) return null;
  switch (kind) {
    case 'int':
    case 'float': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isFinite(number) ? number : null;
    }
    case 'date':
      return parsePortalDate(value);
    case 'bool':
      return boolValue(value);
    default:
      return typeof value === 'object' ? null : String(value).toLowerCase();
  }
}

function compareValues(left: number | string, right: number | string): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  if (typeof value === 'string' && value.includes(',')) return value.split(',').map((part) => part.trim());
  return [value];
}

function singleCondition<T>(
  field: FilterField<T>,
  operator: Operator,
  expected: unknown,
  plainLike: boolean,
): Predicate<T> {
  const kind = field.kind;
  const values = (record: T): unknown[] => {
    const raw = field.get(record);
    return Array.isArray(raw) ? raw : [raw];
  };
  const anyValue = (record: T, test: (actual: number | string | null, raw: unknown) => boolean): boolean =>
    values(record).some((raw) => test(comparable(kind, raw), raw));

  switch (operator) {
    case '=':
    case '!=': {
      let positive: Predicate<T>;
      if (Array.isArray(expected) || isRecord(expected)) {
        const wanted = listOf(expected).map((value) => comparable(kind, value));
        positive = (record) => anyValue(record, (actual) => actual !== null && wanted.includes(actual));
      } else if (isEmpty(expected)) {
        positive = (record) => values(record).every((raw) => isEmpty(raw) || (kind === 'int' && raw === 0));
      } else if (plainLike && kind === 'string') {
        const pattern = likePattern(String(expected));
        positive = (record) => anyValue(record, (_actual, raw) => typeof raw === 'string' && pattern.test(raw));
      } else {
        const wanted = comparable(kind, expected);
        positive = (record) => anyValue(record, (actual) => actual !== null && actual === wanted);
      }
      return operator === '=' ? positive : (record) => !positive(record);
    }
    case 'in':
    case '!in': {
      const wanted = listOf(expected).map((value) => comparable(kind, value));
      const positive: Predicate<T> = (record) =>
        anyValue(record, (actual) => actual !== null && wanted.includes(actual));
      return operator === 'in' ? positive : (record) => !positive(record);
    }
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const wanted = comparable(kind, expected);
      if (wanted === null) return () => false;
      return (record) =>
        anyValue(record, (actual) => {
          if (actual === null) return false;
          const order = compareValues(actual, wanted);
          return operator === '>'
            ? order > 0
            : operator === '>='
              ? order >= 0
              : operator === '<'
                ? order < 0
                : order <= 0;
        });
    }
    case '%':
    case '!%': {
      const needle = String(expected ?? '').toLowerCase();
      const positive: Predicate<T> = (record) =>
        values(record).some(
          (raw) => !isEmpty(raw) && typeof raw !== 'object' && String(raw).toLowerCase().includes(needle),
        );
      return operator === '%' ? positive : (record) => !positive(record);
    }
    case 'like':
    case '!like': {
      const pattern = likePattern(String(expected ?? ''));
      const positive: Predicate<T> = (record) =>
        values(record).some((raw) => !isEmpty(raw) && typeof raw !== 'object' && pattern.test(String(raw)));
      return operator === 'like' ? positive : (record) => !positive(record);
    }
  }
}

/** Compiles a filter object (possibly with nested `logic` groups) into a predicate. */
export function compileFilter<T>(filter: unknown, resolve: FieldResolver<T>, options: FilterOptions): Predicate<T> {
  if (!isRecord(filter) && !Array.isArray(filter)) return () => true;
  const entries = Object.entries(filter as Record<string, unknown>);
  let logic: 'AND' | 'OR' = 'AND';
  const predicates: Array<Predicate<T>> = [];
  for (const [key, value] of entries) {
    if (key.toLowerCase() === 'logic') {
      logic = String(value).toUpperCase() === 'OR' ? 'OR' : 'AND';
      continue;
    }
    if (/^\d+$/.test(key) && (isRecord(value) || Array.isArray(value))) {
      predicates.push(compileFilter(value, resolve, options));
      continue;
    }
    const { operator, name, explicit } = splitFilterKey(key);
    const field = resolve(name);
    if (!field) {
      options.onUnknownField(name, key);
      continue;
    }
    const plainLike = !explicit && options.plainStringMode?.(name) === 'like';
    predicates.push(singleCondition(field, operator, value, plainLike));
  }
  if (predicates.length === 0) return () => true;
  return logic === 'OR'
    ? (record) => predicates.some((predicate) => predicate(record))
    : (record) => predicates.every((predicate) => predicate(record));
}

export interface OrderOptions {
  onUnknownField(name: string): void;
  onBadDirection(direction: string, name: string): void;
}

/** Compiles `{field: "ASC"|"DESC"}` into a comparator; ties keep the input order. */
export function compileOrder<T>(
  order: unknown,
  resolve: FieldResolver<T>,
  options: OrderOptions,
): ((a: T, b: T) => number) | null {
  if (!isRecord(order)) return null;
  const keys: Array<{ field: FilterField<T>; direction: number }> = [];
  for (const [name, rawDirection] of Object.entries(order)) {
    const direction = String(rawDirection ?? '').toUpperCase();
    const field = resolve(name);
    if (!field) {
      options.onUnknownField(name);
      continue;
    }
    if (direction !== 'ASC' && direction !== 'DESC') {
      options.onBadDirection(String(rawDirection), name);
      continue;
    }
    keys.push({ field, direction: direction === 'ASC' ? 1 : -1 });
  }
  if (keys.length === 0) return null;
  return (a, b) => {
    for (const { field, direction } of keys) {
      const left = comparable(field.kind, firstValue(field.get(a)));
      const right = comparable(field.kind, firstValue(field.get(b)));
      if (left === right) continue;
      // NULLs first when ascending, as MySQL sorts them.
      if (left === null) return -direction;
      if (right === null) return direction;
      const result = compareValues(left, right);
      if (result !== 0) return result * direction;
    }
    return 0;
  };
}

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export const PAGE_SIZE = 50;

/** The portal's paging: 50 rows from `start`; `start = -1` skips counting (total 0, no next). */
export function paginate<T>(rows: T[], startParam: unknown): { rows: T[]; total: number; next?: number } {
  const parsed = typeof startParam === 'number' ? startParam : Number.parseInt(String(startParam ?? '0'), 10);
  const start = Number.isFinite(parsed) ? parsed : 0;
  if (start < 0) return { rows: rows.slice(0, PAGE_SIZE), total: 0 };
  const page = rows.slice(start, start + PAGE_SIZE);
  const next = start + page.length < rows.length ? start + PAGE_SIZE : undefined;
  return next === undefined ? { rows: page, total: rows.length } : { rows: page, total: rows.length, next };
}
