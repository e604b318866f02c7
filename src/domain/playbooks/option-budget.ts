/**
 * How much of the portal's room for app options a playbook takes. The docs name no size limit for
 * app.option.* (api-reference/common/settings/*.md). The portal keeps ALL options of one app
 * together, PHP-serialised, in one settings value of at most 65,535 bytes (a TEXT column; the
 * emulator enforces the same, see portal/option-limits.ts and portal/README.md), so every smart
 * process's playbook and the app's other settings share that room. A save that would pass it is
 * refused by the app before it is sent, with the figures.
 */

import { OPTIONS_MAX_SERIALIZED_BYTES, phpSerializedLength } from '../../../placements/app-options-size';

export { phpSerializedLength };

/** Bytes all options of the app may take together, as PHP serialises them (placements/app-options-size.ts). */
export const APP_OPTIONS_MAX_BYTES = OPTIONS_MAX_SERIALIZED_BYTES;

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
