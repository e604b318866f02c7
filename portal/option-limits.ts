/**
 * How large an app's options may grow. The docs give no limit for app.option.* / user.option.*
 * (common/settings/*.md) and none for the app's entity storage (entity/*.md documents only the
 * storage code's 13-character limit). The portal code keeps ALL options of an app as ONE PHP
 * serialised array in one settings value (`Option::set('rest', 'options_<client id>', serialize(…))`;
 * user options likewise per user through CUserOptions), a database TEXT column of 65,535 bytes.
 * The emulator takes that as the limit — the demanding side: every key of the app counts together,
 * measured as PHP serialises them — and REFUSES a write that would pass it (a real portal would fail
 * in the database or, worse, cut the value and lose every option), keeping what was stored.
 */

/** Most bytes all options of one app (or of one user of the app) may take, PHP-serialised. */
export const OPTIONS_MAX_SERIALIZED_BYTES = 65_535;

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** PHP's array key: a canonical integer string becomes an integer key. */
function keyLength(key: string): number {
  if (/^(0|-?[1-9][0-9]{0,17})$/.test(key)) return `i:${key};`.length;
  const bytes = utf8Bytes(key);
  return `s:${bytes}:"";`.length + bytes;
}

/**
 * Length in bytes of `serialize($value)` in PHP for a value decoded from JSON or a form (objects and
 * arrays become PHP arrays; numbers int or float; booleans, null, strings).
 */
export function phpSerializedLength(value: unknown): number {
  if (value === null || value === undefined) return 2; // N;
  if (typeof value === 'boolean') return 4; // b:1;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return `i:${value};`.length;
    return `d:${String(value)};`.length;
  }
  if (typeof value === 'string') {
    const bytes = utf8Bytes(value);
    return `s:${bytes}:"";`.length + bytes;
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((entry, index) => [String(index), entry])
    : typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
      : [];
  let length = `a:${entries.length}:{}`.length;
  for (const [key, entry] of entries) length += keyLength(key) + phpSerializedLength(entry);
  return length;
}

/** Null when `options` fit, else the refusal's text (emulator's wording; the docs have none). */
export function optionsSizeProblem(options: Record<string, unknown>): string | null {
  const bytes = phpSerializedLength(options);
  if (bytes <= OPTIONS_MAX_SERIALIZED_BYTES) return null;
  return `Options are too large: ${bytes} bytes when stored, ${OPTIONS_MAX_SERIALIZED_BYTES} at most for all options together`;
}
