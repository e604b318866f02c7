/**
 * The languages Smart Tasks speaks, listed ONCE. The app's UI (src/i18n/languages.ts), every
 * message catalog (`defineMessages` asks for each language but English), the manifest's titles,
 * the app card, and the emulator (its --lang flag, placement titles, user-field labels) all
 * derive from this list: adding a language is one line here plus its catalogs, and the compiler
 * lists every catalog and title that lacks it. Codes are Bitrix24's LANG codes.
 */
export const LANGUAGES = ['en', 'ru', 'de'] as const;

/** One of the app's languages. */
export type Language = (typeof LANGUAGES)[number];

/** The language that defines every message's keys and parameters, and the fallback. */
export const SOURCE_LANGUAGE = 'en' satisfies Language;

/** Whether a Bitrix24 LANG code (already lower case) is one of the app's languages. */
export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}
