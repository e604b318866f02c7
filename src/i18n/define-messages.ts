import type { UiLanguage } from './languages';

/** Every UI language but English, whose catalog defines the keys. */
type TranslatedLanguage = Exclude<UiLanguage, 'en'>;

/** A message is text, a list of texts, a table of texts (e.g. per status), or a function of its parameters returning text. */
export type Message = string | readonly string[] | Readonly<Record<string, string>> | ((...args: never[]) => string);
export type Messages = Record<string, Message>;

export type MessageCatalog<T extends Messages> = Readonly<Record<UiLanguage, T>>;

/**
 * One module's messages in every UI language. English defines the keys and parameters; the
 * compiler holds every other language of placements/languages.ts (Russian, German) to exactly
 * the same shape, and names the language a catalog lacks. Each feature folder owns its
 * own catalog, so a new surface adds a file instead of editing a shared dictionary.
 */
export function defineMessages<T extends Messages>(
  en: T,
  translations: { [L in TranslatedLanguage]: NoInfer<T> },
): MessageCatalog<T> {
  return { ...translations, en };
}
