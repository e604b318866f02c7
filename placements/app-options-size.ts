/**
 * How large an app's options may grow, measured ONCE for the app (its save refuses a playbook
 * that would not fit, src/domain/playbooks/option-budget.ts) and the emulator (it refuses such a
 * write, portal/option-limits.ts). The docs give no limit for app.option.* / user.option.*
 * (api-reference/common/settings/*.md). The portal code keeps ALL options of an app as ONE PHP
 * serialised array in one settings value (`Option::set('rest', 'options_<client id>', serialize(…))`;
 * user options likewise per user), a database TEXT column of 65,535 bytes: every key of the app
 * counts together, measured as PHP serialises them.
 */

/** Most bytes all options of one app (or of one user of the app) may take, PHP-serialised. */
export const OPTIONS_MAX_SERIALIZED_BYTES = 65_535;

const encoder = new TextEncoder();

function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** PHP's array key: a canonical integer string becomes an integer key (`i:5;`), else `s:N:"…";`. */
function keyLength(key: string): number {
  if (/^(0|-?[1-9][0-9]{0,17})$/.test(key)) return `i:${key};`.length;
  const bytes = utf8Bytes(key);
  return `s:${bytes}:"";`.length + bytes;
}

/**
 * Length in bytes of PHP's `serialize($value)` for a value decoded from JSON or a form (objects
 * and arrays become PHP arrays; numbers int or float; booleans, null, strings counted in UTF-8
 * bytes).
 */
export function phpSerializedLength(value: unknown): number {
  if (value === null || value === undefined) return 2; // N;
  if (typeof value === 'boolean') return 4; // b:1;
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};`.length : `d:${String(value)};`.length;
  if (typeof value === 'string') {
    const bytes = utf8Bytes(value);
    return `s:${bytes}:"";`.length + bytes;
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((entry, index): [string, unknown] => [String(index), entry])
    : typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
      : [];
  let length = `a:${entries.length}:{}`.length;
  for (const [key, entry] of entries) length += keyLength(key) + phpSerializedLength(entry);
  return length;
}
