/** The task card's BBCode: the tags Bitrix24 renders, safely; everything else stays text. */
import { describe, expect, it } from 'vitest';
import { renderBbCode } from './bbcode';

const render = (text: string): string => renderBbCode(text).markup;

describe('task description BBCode', () => {
  it('renders the inline tags and escapes everything else', () => {
    expect(render('Two [B]commercial[/B] <script>x</script>')).toBe(
      'Two <b>commercial</b> &lt;script&gt;x&lt;/script&gt;',
    );
    expect(render('[i]a[/i] [U]b[/U] [s]c[/s] [b][i]d[/i][/b]')).toBe('<i>a</i> <u>b</u> <s>c</s> <b><i>d</i></b>');
  });

  it('makes links of http(s) addresses only, with or without a label', () => {
    expect(render('[URL=https://example.com/pay?a=1&b=2]Pay invoice[/URL]')).toBe(
      '<a href="https://example.com/pay?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">Pay invoice</a>',
    );
    expect(render('[url]http://example.com/x[/url]')).toBe(
      '<a href="http://example.com/x" target="_blank" rel="noopener noreferrer nofollow">http://example.com/x</a>',
    );
    expect(render('[URL="https://example.com"]quoted[/URL]')).toContain('href="https://example.com/"');
    expect(render('[URL=javascript:alert(1)]click[/URL]')).toBe('click');
    expect(render('[URL=/crm/type/177/details/29/]relative[/URL]')).toBe('relative');
    expect(render('[URL=https://a.example][URL=https://b.example]inner[/URL][/URL]')).toBe(
      '<a href="https://a.example/" target="_blank" rel="noopener noreferrer nofollow">inner</a>',
    );
    expect(render('[URL=https://x.example" onmouseover="alert(1)]x[/URL]')).not.toContain('" onmouseover');
  });

  it('renders lists, numbered lists and quotes', () => {
    expect(render('Steps:\n[LIST]\n[*]Call [B]Maxim[/B]\n[*]Order\n[/LIST]\nDone')).toBe(
      'Steps:\n<ul><li>Call <b>Maxim</b></li><li>Order</li></ul>Done',
    );
    expect(render('[LIST=1][*]one[*]two[/LIST]')).toBe('<ol><li>one</li><li>two</li></ol>');
    expect(render('[QUOTE]\nAs agreed\n[/QUOTE]')).toBe('<blockquote class="bb-quote">As agreed</blockquote>');
    expect(render('[*] not in a list')).toBe('[*] not in a list');
  });

  it('keeps unclosed or crossed tags as text, so no formatting runs past them', () => {
    expect(render('[B]bold forever')).toBe('[B]bold forever');
    expect(render('[b][i]x[/b] y[/i]')).toBe('<b>[i]x</b> y[/i]');
    expect(render('[LIST][*]a')).toBe('[LIST][*]a');
    expect(render('[URL=https://x.example]no end')).toBe('[URL=https://x.example]no end');
    expect(render('[b onclick=x]y[/b]')).toBe('[b onclick=x]y[/b]');
    expect(render('[b=x]y[/b]')).toBe('[b=x]y[/b]');
  });
});
