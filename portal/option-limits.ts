/**
 * How large an app's options may grow. The docs give no limit for app.option.* / user.option.*
 * (common/settings/*.md) and none for the app's entity storage (entity/*.md documents only the
 * storage code's 13-character limit). The portal code keeps ALL options of an app as ONE PHP
 * serialised array in one settings value (`Option::set('rest', 'options_<client id>', serialize(…))`;
 * user options likewise per user through CUserOptions), a database TEXT column of 65,535 bytes.
 * The emulator takes that as the limit — the demanding side: every key of the app counts together,
 * measured as PHP serialises them (placements/app-options-size.ts, the app's measure too) — and
 * REFUSES a write that would pass it (a real portal would fail in the database or, worse, cut the
 * value and lose every option), keeping what was stored.
 */

import { OPTIONS_MAX_SERIALIZED_BYTES, phpSerializedLength } from '../placements/app-options-size';

// The measure is the app's too (its save refuses what would not fit): one module for both.
export { OPTIONS_MAX_SERIALIZED_BYTES, phpSerializedLength };

/** Null when `options` fit, else the refusal's text (emulator's wording; the docs have none). */
export function optionsSizeProblem(options: Record<string, unknown>): string | null {
  const bytes = phpSerializedLength(options);
  if (bytes <= OPTIONS_MAX_SERIALIZED_BYTES) return null;
  return `Options are too large: ${bytes} bytes when stored, ${OPTIONS_MAX_SERIALIZED_BYTES} at most for all options together`;
}
