/**
 * How much of the portal's room for app options a playbook takes. The docs name no size limit for
 * app.option.* (api-reference/common/settings/*.md). The portal keeps ALL options of one app
 * together, PHP-serialised, in one settings value of at most 65,535 bytes (a TEXT column; the
 * emulator enforces the same, see portal/option-limits.ts and portal/README.md), so every smart
 * process's playbook and the app's other settings share that room. A save that would pass it is
 * refused by the app before it is sent, with the figures.
 */

/** Bytes all options of the app may take together, as PHP serialises them. */
export const APP_OPTIONS_MAX_BYTES = 65_535;

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** PHP's array key: a canonical integer string becomes an integer key (`i:5;`), else `s:N:"…";`. */
function keyLength(key: string): number {
  if (/^(0|-?[1-9][0-9]{0,17})$/.test(key)) return `i:${key};`.length;
  const bytes = utf8Bytes(key);
  return `s:${bytes}:"";`.length + bytes;
}

/**
 * Length in bytes of PHP's `serialize($value)` for a value as it came from JSON (objects and
 * arrays are PHP arrays; numbers int or float; booleans, null, strings counted in UTF-8 bytes).
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

/** app.option.get without `option` → the options as a map (a portal answers none with `[]`). */
export function optionsMap(result: unknown): Record<string, unknown> {
  return typeof result === 'object' && result !== null && !Array.isArray(result)
    ? { ...(result as Record<string, unknown>) }
    : {};
}

/** The bytes all of the app's options would take with `name` set to `value`. */
export function optionsBytesWith(options: Readonly<Record<string, unknown>>, name: string, value: string): number {
  return phpSerializedLength({ ...options, [name]: value });
}
