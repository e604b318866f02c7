/**
 * Shortening text a user reads (titles, report lines, initials) without cutting inside a
 * character: cuts fall between graphemes — what a reader sees as one character, e.g. 🚀, é
 * written as e + accent, 👩‍💻 or a flag — found with Intl.Segmenter. Lengths are counted in
 * UTF-16 code units (JavaScript's `length`), which is never less than the code points the
 * portal counts (a task title holds 255), so a shortened text fits both.
 */

export const ELLIPSIS = '…';

type Segments = (text: string) => Iterable<string>;

function segmenterOrFallback(): Segments {
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return (text) => Array.from(segmenter.segment(text), (part) => part.segment);
  }
  // Without Segmenter (very old engines) at least never split a surrogate pair.
  return (text) => Array.from(text);
}

const graphemes = segmenterOrFallback();

/**
 * `text` when it is at most `maxLength` UTF-16 code units long; else its longest start made of
 * whole graphemes that, with a trailing "…", fits in `maxLength`. Throws RangeError for a
 * `maxLength` below 1 or not an integer.
 */
export function shortenText(text: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError('maxLength must be a positive integer');
  if (text.length <= maxLength) return text;
  const room = maxLength - ELLIPSIS.length;
  let kept = '';
  for (const grapheme of graphemes(text)) {
    if (kept.length + grapheme.length > room) break;
    kept += grapheme;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** The first grapheme of `text` ('' for empty text): an initial that is a whole character. */
export function firstGrapheme(text: string): string {
  for (const grapheme of graphemes(text)) return grapheme;
  return '';
}
