/**
 * Text that goes into a Bitrix24 task description, which the portal renders as BBCode
 * (`descriptionInBbcode: "Y"` in tasks.task.get; the task card turns [URL], [B], [I], [U], [S],
 * [LIST], [QUOTE]… into markup and links bare URLs). Everything from the portal or the user
 * (item titles, names, stage names, typed descriptions, bulk template placeholders) passes
 * through `bbcodeText` exactly once, here, when the description is put together — never
 * earlier (it would be escaped twice) and never by hand elsewhere.
 *
 * How: BBCode has no escape character, so the text is made inert without changing what the
 * reader sees: an invisible WORD JOINER (U+2060) goes after every `[` (no parser reads
 * `[⁠URL=…]`, `[⁠B]` or `[⁠/URL]` as a tag) and inside every `://` and `www.` (no autolink turns
 * a URL in the text into a live link). The text reads the same; only the app's own link back
 * to the item is a link.
 */

/** U+2060 WORD JOINER: zero width, no line break, ignored by readers. */
const JOINER = '\u2060';

/**
 * `text` as inert BBCode: shown exactly as written, never a tag, never a link.
 * Plain text in, BBCode out; do not pass BBCode the app wrote (it would show as text).
 */
export function bbcodeText(text: string): string {
  return text
    .replace(/\[/g, `[${JOINER}`)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${JOINER}.`);
}

/**
 * The URL as a BBCode tag attribute: `[`, `]` and whitespace percent-encoded, so neither can
 * end the attribute or the tag early. Only http(s) URLs are accepted (throws RangeError
 * otherwise): the app links only to its own portal.
 */
export function bbcodeUrl(href: string): string {
  const url = new URL(href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`Not an http(s) URL: ${url.protocol}`);
  return url.toString().replace(/\[/g, '%5B').replace(/\]/g, '%5D').replace(/\s/g, encodeURIComponent);
}

/** `[URL=href]label[/URL]`: the label is portal or user text (escaped here), the href the app's own. */
export function bbcodeLink(href: string, label: string): string {
  return `[URL=${bbcodeUrl(href)}]${bbcodeText(label)}[/URL]`;
}

/** A link at the very end of a description: `[URL=href]…[/URL]` and nothing after it but white space. */
// The label may hold no `[URL=` either: an admin's unclosed `[URL=…]` in a playbook template
// (kept as BBCode) must not swallow the app's back link after it and lend it its own href.
const TRAILING_LINK = /\[URL=([^\]\s]+)\]((?:(?!\[\/?URL[\]=])[\s\S])*)\[\/URL\]\s*$/i;

/**
 * The href of the link that ends `description`, or null. Text the app escaped cannot pose as
 * this link (its `[` carry the joiner), so a link found here is one the app wrote at the end.
 */
export function trailingLinkHref(description: string): string | null {
  const match = TRAILING_LINK.exec(description);
  return match ? match[1]! : null;
}
