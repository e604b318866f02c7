/**
 * PLACEMENT_OPTIONS as the portal hands them over. They reach the portal's PHP as form fields,
 * so every scalar arrives as a string (`{"ID":"29"}`), and PHP's JSON encoder escapes `/`.
 */

export type PlacementOptionValue = string | PlacementOptionValue[] | { [key: string]: PlacementOptionValue };
export type PlacementOptions = { [key: string]: PlacementOptionValue };

function toFormValue(value: unknown): PlacementOptionValue {
  if (Array.isArray(value)) return value.map(toFormValue);
  if (typeof value === 'object' && value !== null) {
    const result: PlacementOptions = {};
    for (const [key, inner] of Object.entries(value)) result[key] = toFormValue(inner);
    return result;
  }
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Options as the portal stores them after a form post: nested keys kept, every scalar a string. */
export function toPlacementOptions(value: unknown): PlacementOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return toFormValue(value) as PlacementOptions;
}

/** The POST field: a JSON string, or nothing at all when there are no options. */
export function placementOptionsField(options: PlacementOptions): string | null {
  if (Object.keys(options).length === 0) return null;
  return JSON.stringify(options).replace(/\//g, '\\/');
}

/**
 * The value getInitData carries. The portal prints options with CUtil::PhpToJSObject: an empty
 * PHP array becomes `[]` (the DEFAULT page without query parameters), and a placement opened
 * without options has the empty string the component starts from.
 */
export function initDataPlacementOptions(options: PlacementOptions, placement: string): PlacementOptions | [] | '' {
  if (Object.keys(options).length > 0) return options;
  return placement === 'DEFAULT' ? [] : '';
}
