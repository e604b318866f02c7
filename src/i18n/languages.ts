/**
 * Languages: the UI speaks English, Russian or German, chosen from the portal's LANG (Bitrix24
 * codes, which are not ISO codes); dates and numbers follow the portal language's own locale.
 */

import { isLanguage, LANGUAGES, type Language } from '../../placements/languages';

/** The UI's languages: the app's one list (placements/languages.ts). */
export const UI_LANGUAGES = LANGUAGES;
export type UiLanguage = Language;

function normalize(bitrixLanguage: string | null | undefined): string {
  return (bitrixLanguage ?? '').trim().toLowerCase();
}

/** `ru` → ru, `de` → de, anything else (or nothing) → en. */
export function uiLanguageFor(bitrixLanguage: string | null | undefined): UiLanguage {
  const code = normalize(bitrixLanguage);
  return isLanguage(code) ? code : 'en';
}

/** Bitrix24 language codes that differ from BCP 47. */
const BITRIX_TO_BCP47: Record<string, string> = {
  la: 'es',
  br: 'pt-BR',
  sc: 'zh-CN',
  tc: 'zh-TW',
  ua: 'uk',
  vn: 'vi',
  kz: 'kk',
  en: 'en-US',
  ru: 'ru-RU',
  de: 'de-DE',
};

/** The Intl locale for a portal language (`la` → `es`), English when unknown to the browser. */
export function intlLocaleFor(bitrixLanguage: string | null | undefined): string {
  const code = normalize(bitrixLanguage);
  const candidate = BITRIX_TO_BCP47[code] ?? code;
  if (candidate !== '') {
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0) return candidate;
    } catch {
      // malformed tag: fall through
    }
  }
  return 'en-US';
}

/** A valid IANA time zone, or undefined to use the browser's. */
export function validTimeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}
