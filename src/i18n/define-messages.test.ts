import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../placements/languages';
import { defineMessages } from './define-messages';

describe('a message catalog', () => {
  it('holds every language of the one list (placements/languages.ts)', () => {
    const catalog = defineMessages({ hello: 'Hello' }, { ru: { hello: 'Привет' }, de: { hello: 'Hallo' } });
    expect(Object.keys(catalog).sort()).toEqual([...LANGUAGES].sort());
    expect(catalog.de.hello).toBe('Hallo');
  });

  it('does not compile when a language of the list is missing (the type check fails on this file otherwise)', () => {
    // @ts-expect-error German is in the list, so a catalog without it is refused.
    const catalog = defineMessages({ hello: 'Hello' }, { ru: { hello: 'Привет' } });
    expect(catalog.en.hello).toBe('Hello');
  });
});
