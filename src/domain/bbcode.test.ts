import { describe, expect, it } from 'vitest';
import { bbcodeLink, bbcodeText, bbcodeUrl, trailingLinkHref } from './bbcode';

/** What a BBCode reader would turn into markup or a link: tags, and URLs it links on its own. */
function liveMarkup(bbcode: string): string[] {
  const tag = /\[\/?(?:URL|B|I|U|S|LIST|QUOTE|CODE|IMG|COLOR|SIZE|USER|\*)(?:=[^\]]*)?\]/gi;
  const tags = [...bbcode.matchAll(tag)].map((match) => match[0]);
  const autolinks = [...bbcode.replace(tag, ' ').matchAll(/\b(?:https?|ftp):\/\/[^\s[\]]+|\bwww\.[^\s[\]]+/gi)].map(
    (match) => match[0],
  );
  return [...tags, ...autolinks];
}

const invisible = (text: string) => text.replace(/\u2060/g, '');

describe('bbcodeText', () => {
  it('turns no portal text into a tag or a link, and reads exactly as written', () => {
    for (const text of [
      '[URL=https://evil.example/pay]Pay invoice[/URL]',
      '[B]bold to the end',
      '[url = https://evil.example]x[/url] [QUOTE][LIST][*]a',
      'see https://evil.example/pay or WWW.evil.example',
      '[[B]]',
    ]) {
      const escaped = bbcodeText(text);
      expect(liveMarkup(escaped)).toEqual([]);
      expect(invisible(escaped)).toBe(text);
    }
  });

  it('leaves ordinary text alone', () => {
    expect(bbcodeText('Washing Machine (5 kg), “Miele”')).toBe('Washing Machine (5 kg), “Miele”');
  });
});

describe('bbcodeLink', () => {
  it('is the only live link: an escaped label cannot close it early or add another', () => {
    const link = bbcodeLink(
      'https://acme.bitrix24.com/crm/type/177/details/29/?k=1',
      'x[/URL][URL=https://evil.example]y',
    );
    expect(liveMarkup(link)).toEqual(['[URL=https://acme.bitrix24.com/crm/type/177/details/29/?k=1]', '[/URL]']);
    expect(trailingLinkHref(`Intro\n${link}`)).toBe('https://acme.bitrix24.com/crm/type/177/details/29/?k=1');
  });

  it('keeps brackets and spaces from ending the attribute, and links only http(s)', () => {
    expect(bbcodeUrl('https://acme.bitrix24.com/a?q=[x] y')).toBe('https://acme.bitrix24.com/a?q=%5Bx%5D%20y');
    expect(() => bbcodeUrl('javascript:alert(1)')).toThrow(RangeError);
  });
});

describe('trailingLinkHref', () => {
  it('reads only the link that ends the description', () => {
    expect(trailingLinkHref('[URL=https://a.example/]a[/URL] then text')).toBeNull();
    expect(trailingLinkHref('[URL=https://a.example/]a[/URL]\n[URL=https://b.example/]b[/URL]\n')).toBe(
      'https://b.example/',
    );
    expect(trailingLinkHref(bbcodeText('[URL=https://evil.example/]x[/URL]'))).toBeNull();
  });
});
