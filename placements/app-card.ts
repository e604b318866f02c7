/**
 * Typed view of app-card.json: the app's name, short description and icon, in every language
 * the app speaks, kept in one place. Bitrix24's local-application form asks for the name
 * (its menu item text) and the scopes; a Market card adds the short description and an icon
 * (market/preparing-to-publish/common-requirements.md). `npm run package` prints the card,
 * the emulator's app list and app page show it.
 */
import { readFileSync } from 'node:fs';
import cardJson from './app-card.json' with { type: 'json' };
import { LANGUAGES } from './languages';
import type { ManifestLanguage } from './manifest';

export interface AppCard {
  /** The app's name per language (the local-application form's menu item text). */
  name: Record<ManifestLanguage, string>;
  /** One or two sentences per language that complement the name (a Market card's short description). */
  shortDescription: Record<ManifestLanguage, string>;
  /** File name of the square SVG icon, beside app-card.json. */
  icon: string;
  /** The scopes to tick in the local-application form, `basic` aside. */
  scopes: string[];
}

export const appCard = cardJson as AppCard;

/** The languages the card is written in, in the order forms list them. */
export const CARD_LANGUAGES: readonly ManifestLanguage[] = LANGUAGES;

function cardLanguage(lang: string): ManifestLanguage {
  return (CARD_LANGUAGES as readonly string[]).includes(lang) ? (lang as ManifestLanguage) : 'en';
}

/** The card's name in a portal language; English for a language the card does not have. */
export function appCardName(lang: string): string {
  return appCard.name[cardLanguage(lang)];
}

/** The card's short description in a portal language; English for a language the card does not have. */
export function appCardDescription(lang: string): string {
  return appCard.shortDescription[cardLanguage(lang)];
}

/** The icon's SVG text, read from beside this module (Node only: the package script and the emulator). */
export function appCardIconSvg(): string {
  return readFileSync(new URL(`./${appCard.icon}`, import.meta.url), 'utf8');
}
