/**
 * JSON as Bitrix24's PHP writes it (`Bitrix\Main\Web\Json::encode` with JSON_HEX_TAG|AMP|APOS|QUOT
 * and unescaped Unicode): `/` as `\/`, `< > & ' "` inside strings as `\u003C`…, and arrays as PHP
 * sees them — an object whose keys are exactly 0..n-1 is a list, and an empty object is `[]`.
 */

const ESCAPES: Record<string, string> = {
  '"': '\\u0022',
  '\\': '\\\\',
  '/': '\\/',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  "'": '\\u0027',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function encodeString(value: string): string {
  let out = '"';
  for (const char of value) {
    const escaped = ESCAPES[char];
    if (escaped !== undefined) out += escaped;
    else if (char < ' ') out += `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/**
 * A PHP object without public properties (e.g. a `Bitrix\Main\Type\DateTime` that user.get
 * hands to the encoder): PHP writes it as `{}`, unlike an empty array (`[]`).
 */
export class PhpObjectWithoutProperties {}
export const PHP_EMPTY_OBJECT = Object.freeze(new PhpObjectWithoutProperties());

function isSequentialList(keys: string[]): boolean {
  return keys.every((key, index) => key === String(index));
}

export function encodePhpJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return encodeString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : '0';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((entry) => encodePhpJson(entry)).join(',')}]`;
      if (value instanceof PhpObjectWithoutProperties) return '{}';
      const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
      const keys = entries.map(([key]) => key);
      if (isSequentialList(keys)) return `[${entries.map(([, entry]) => encodePhpJson(entry)).join(',')}]`;
      return `{${entries.map(([key, entry]) => `${encodeString(key)}:${encodePhpJson(entry)}`).join(',')}}`;
    }
    default:
      return 'null';
  }
}
