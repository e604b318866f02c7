import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { MessageCatalog, Messages } from './define-messages';
import { createFormatters, type Formatters } from './format';
import { intlLocaleFor, uiLanguageFor, type UiLanguage } from './languages';

export interface I18n {
  /** Language of the texts. */
  language: UiLanguage;
  /** Intl locale for dates and numbers (the portal language's own). */
  locale: string;
  format: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  bitrixLanguage,
  timeZone,
  children,
}: {
  /** The portal's LANG, e.g. `ru`; unknown or missing → English. */
  bitrixLanguage: string | null | undefined;
  /**
   * The user's Bitrix24 zone, resolved (`resolveUserZone` / `useUserZone`): IANA name or the
   * portal's `±HH:MM`. Missing → the browser's, which is right only outside a portal.
   */
  timeZone?: string | null;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(() => {
    const locale = intlLocaleFor(bitrixLanguage);
    return { language: uiLanguageFor(bitrixLanguage), locale, format: createFormatters(locale, timeZone) };
  }, [bitrixLanguage, timeZone]);

  useEffect(() => {
    document.documentElement.lang = value.language;
  }, [value.language]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}

/** The current language's messages of one catalog. */
export function useMessages<T extends Messages>(catalog: MessageCatalog<T>): T {
  return catalog[useI18n().language];
}
