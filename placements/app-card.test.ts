/**
 * The app's card is complete in every language the app speaks and fits what Bitrix24's forms ask
 * for (market/preparing-to-publish/common-requirements.md): a name, a short description of one or
 * two sentences that does not repeat the name, a square icon, and the scopes the app calls.
 */
import { describe, expect, it } from 'vitest';
import { appCard, appCardDescription, appCardIconSvg, appCardName, CARD_LANGUAGES } from './app-card';

describe('the app card', () => {
  it('has a name and a one- or two-sentence short description in en, ru and de', () => {
    for (const lang of CARD_LANGUAGES) {
      expect(appCard.name[lang].trim(), lang).not.toBe('');
      const description = appCard.shortDescription[lang];
      const sentences = description.split(/[.!?](?:\s|$)/).filter((part) => part.trim() !== '');
      expect(sentences.length, `${lang}: ${description}`).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `${lang}: ${description}`).toBeLessThanOrEqual(2);
      expect(description, lang).not.toContain(appCard.name[lang]);
    }
  });

  it('falls back to English for a language it does not have', () => {
    expect(appCardName('fr')).toBe(appCard.name.en);
    expect(appCardDescription('fr')).toBe(appCard.shortDescription.en);
    expect(appCardDescription('de')).toBe(appCard.shortDescription.de);
  });

  it('has a square SVG icon', () => {
    const svg = appCardIconSvg();
    const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(viewBox?.[1]).toBe(viewBox?.[2]);
  });

  it('lists the scopes the README tells admins to tick', () => {
    expect(appCard.scopes).toEqual(['crm', 'task', 'user', 'placement']);
  });
});
