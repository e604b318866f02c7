import { describe, expect, it } from 'vitest';
import { formatPortalDateTime, renderBbCode } from './format';

describe('page formatting', () => {
  it('shows the wall-clock time the portal stored', () => {
    expect(formatPortalDateTime('2026-10-28T12:15:00+03:00')).toBe('28 Oct 2026, 12:15');
    expect(formatPortalDateTime('2026-11-04')).toBe('4 Nov 2026');
    expect(formatPortalDateTime('soon')).toBe('soon');
  });

  it('renders balanced BB code pairs and escapes everything else', () => {
    expect(renderBbCode('Two [B]commercial[/B] <script>x</script>').markup).toBe('Two <b>commercial</b> &lt;script&gt;x&lt;/script&gt;');
    expect(renderBbCode('[b][i]x[/i][/b] [B]open').markup).toBe('<b><i>x</i></b> [B]open');
    expect(renderBbCode('[b onclick=x]y[/b]').markup).toBe('[b onclick=x]y[/b]');
  });
});
