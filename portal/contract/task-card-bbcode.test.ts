/**
 * The portal's task card shows a description written through tasks.task.add as Bitrix24 renders
 * its BBCode: links (http(s) only), emphasis, lists and quotes; hostile or unclosed markup stays
 * text inside the description.
 */
import { describe, expect, it } from 'vitest';
import { call, contractPortalForThisFile, rawRequest } from './contract-harness';

const context = contractPortalForThisFile();

async function cardDescription(description: string): Promise<string> {
  const { result } = await call<{ task: { id: string } }>(context.hook, 'tasks.task.add', {
    fields: { TITLE: 'BBCode card', RESPONSIBLE_ID: 1, DESCRIPTION: description },
  });
  const page = await rawRequest(context.portal, `/company/personal/user/1/tasks/task/view/${result.task.id}/?user=1`);
  expect(page.status).toBe(200);
  const match = /<div class="task-description" data-testid="task-description">([\s\S]*?)<\/div>\s*<\/section>/.exec(
    page.text,
  );
  return match?.[1] ?? '';
}

describe('task card description', () => {
  it('renders links, lists and quotes as Bitrix24 does', async () => {
    const markup = await cardDescription(
      'See [URL=https://example.com/spec]the spec[/URL]:\n[LIST]\n[*][B]Check[/B] size\n[*]Order\n[/LIST]\n[QUOTE]As agreed[/QUOTE]',
    );
    expect(markup).toContain(
      '<a href="https://example.com/spec" target="_blank" rel="noopener noreferrer nofollow">the spec</a>',
    );
    expect(markup).toContain('<ul><li><b>Check</b> size</li><li>Order</li></ul>');
    expect(markup).toContain('<blockquote class="bb-quote">As agreed</blockquote>');
  });

  it('keeps script, javascript: links and an unclosed [B] as text inside the description', async () => {
    const markup = await cardDescription(
      '[URL=javascript:alert(1)]Pay[/URL] <img src=x onerror=alert(1)> [B]never closed',
    );
    expect(markup).toBe('Pay &lt;img src=x onerror=alert(1)&gt; [B]never closed');
  });
});
