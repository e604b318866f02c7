import { describe, expect, it } from 'vitest';
import { firstGrapheme, shortenText } from './text';

const isWellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('shortenText', () => {
  it('cuts 🚀×200 between rockets, never inside one (issue 7.9)', () => {
    const short = shortenText('🚀'.repeat(200), 250);
    expect(isWellFormed(short)).toBe(true);
    expect(short).toBe(`${'🚀'.repeat(124)}…`);
    expect(short.length).toBeLessThanOrEqual(250);
  });

  it('keeps a grapheme of several code points whole: flags, families, accents', () => {
    expect(shortenText(`Plan ${'🇩🇪'.repeat(10)}`, 12)).toBe('Plan 🇩🇪…');
    expect(shortenText('ab👩‍💻👩‍💻', 8)).toBe('ab👩‍💻…');
    expect(shortenText('ab👩‍💻👩‍💻', 7)).toBe('ab…');
    expect(shortenText('cafe\u0301 noir', 5)).toBe('caf…');
    expect(shortenText('cafe\u0301 noir', 6)).toBe('cafe\u0301…');
  });

  it('leaves text that fits alone, and trims a cut before the ellipsis', () => {
    expect(shortenText('Washing Machine', 15)).toBe('Washing Machine');
    expect(shortenText('Washing Machine', 9)).toBe('Washing…');
    expect(() => shortenText('x', 0)).toThrow(RangeError);
  });
});

describe('firstGrapheme', () => {
  it('is a whole character', () => {
    expect(firstGrapheme('🚀 Launch')).toBe('🚀');
    expect(firstGrapheme('𝓐lice')).toBe('𝓐');
    expect(firstGrapheme('')).toBe('');
  });
});

describe('every place that shortens a title cuts whole characters (issue 7.9)', async () => {
  const { defaultTaskTitle } = await import('./task-draft');
  const { draftTask } = await import('./bulk/task-template');
  const { keptTitle } = await import('./bulk/checkpoint');
  const rockets = '🚀'.repeat(200);

  it('the one-click title, the bulk task title and the bulk report line', () => {
    const oneClick = defaultTaskTitle('Launch', rockets, 29);
    const bulk = draftTask(
      { title: '{title}', description: '', responsible: { kind: 'item' }, deadline: null },
      { id: 29, title: rockets, stageName: 'New', responsibleId: 2, responsibleName: 'Maxim Orlov' },
      { currentUserId: 1, markerLine: '' },
    ).title;
    const reported = keptTitle(rockets);
    for (const title of [oneClick, bulk, reported]) {
      expect(isWellFormed(title)).toBe(true);
      expect(title.endsWith('🚀…')).toBe(true);
    }
  });
});
