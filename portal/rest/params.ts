/**
 * Reading method parameters the way PHP sees them: they arrive as JSON (typed) or as
 * query/form strings (everything a string), so every reader accepts both.
 */

export type Params = Record<string, unknown>;

/** The value of `name`, matching the key exactly first and then case-insensitively. */
export function param(params: Params, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer from a number or a numeric string (PHP `intval` on clean input); null otherwise. */
export function asInt(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Math.trunc(Number(value));
  return null;
}

export function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** An object parameter; arrays and scalars give null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

/** A list parameter: an array, the values of an object (qs `a[0]=…`), or one scalar. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  return [value];
}

/** PHP's `(bool)`: "", "0", 0, null, false and empty arrays are false. */
export function phpTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '' || value === '0')
    return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** "Y"/"N" flags as clients send them: Y, N, true, false, 1, 0. */
export function asYesNo(value: unknown): 'Y' | 'N' | null {
  if (value === 'Y' || value === 'y' || value === true || value === 1 || value === '1' || value === 'true') return 'Y';
  if (value === 'N' || value === 'n' || value === false || value === 0 || value === '0' || value === 'false')
    return 'N';
  return null;
}
