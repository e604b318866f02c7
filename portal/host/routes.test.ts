import { afterEach, describe, expect, it } from 'vitest';
import { LAYOUT_AJAX_PATH, PORTAL_SCRIPT_PATH } from './paths';
import { createFakeHostData, type FakeHostData } from './testing/fake-host-data';
import { startHostServer, type RunningHostServer } from './testing/host-server';

let server: RunningHostServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(data: FakeHostData): Promise<string> {
  server = await startHostServer(data);
  return server.origin;
}

async function page(origin: string, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(origin + path);
  return { status: response.status, text: await response.text() };
}

async function ajax(origin: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(origin + LAYOUT_AJAX_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the item card', () => {
  it('shows the item, its stage, its fields, and one tab, button and menu entry per binding', async () => {
    const origin = await start(createFakeHostData());
    const { status, text } = await page(origin, '/crm/type/177/details/29/');
    expect(status).toBe(200);
    expect(text).toContain('<h1 id="pagetitle" class="page-title">Washing Machine</h1>');
    expect(text).toContain('data-testid="item-stage"');
    expect(text).toContain('<dt>Amount</dt><dd>290 USD</dd>');
    expect(text).toContain('data-open-app="tab" data-placement="CRM_DYNAMIC_177_DETAIL_TAB"');
    expect(text).toContain('data-open-app="application" data-placement="CRM_DYNAMIC_177_DETAIL_ACTIVITY"');
    expect(text).toContain('data-testid="detail-toolbar-apps"');
    expect(text.match(/data-placement="CRM_DYNAMIC_177_ACTIVITY_TIMELINE_MENU"/g)).toHaveLength(2);
    expect(text).toContain(
      '&quot;ENTITY_ID&quot;:&quot;29&quot;,&quot;ASSOCIATED_ENTITY_ID&quot;:&quot;1528&quot;,&quot;ASSOCIATED_ENTITY_TYPE_ID&quot;:&quot;6&quot;',
    );
  });

  it('renders portal data as text, never as markup', async () => {
    const origin = await start(createFakeHostData({ itemTitle: '<img src=x onerror=alert(1)>' }));
    const { text } = await page(origin, '/crm/type/177/details/29/');
    expect(text).not.toContain('<img src=x');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('Meeting &lt;b&gt;about&lt;/b&gt; delivery');
  });

  it('shows no app entry while the app is not installed', async () => {
    const origin = await start(createFakeHostData({ installed: false }));
    const { text } = await page(origin, '/crm/type/177/details/29/');
    expect(text).not.toContain('data-open-app');
    expect(text).not.toContain('detail-toolbar-apps');
  });

  it('shows the portal not-found page for a deleted item', async () => {
    const data = createFakeHostData();
    data.deleteItem(177, 29);
    const origin = await start(data);
    const { status, text } = await page(origin, '/crm/type/177/details/29/');
    expect(status).toBe(404);
    expect(text).toContain('data-testid="not-found"');
  });

  it('refuses an unknown ?user= with a message naming the users there are', async () => {
    const origin = await start(createFakeHostData());
    const { status, text } = await page(origin, '/crm/type/177/details/29/?user=42');
    expect(status).toBe(400);
    expect(text).toContain('Use ?user= with one of: 1, 2, 3');
  });
});

describe('the item list', () => {
  it('pages by 50 and puts the row id and page URI into each row menu entry', async () => {
    const origin = await start(createFakeHostData());
    const first = await page(origin, '/crm/type/177/list/');
    expect(first.text.match(/data-testid="list-row"/g)).toHaveLength(50);
    expect(first.text).toContain('1–50 of 120');
    expect(first.text).toContain('&quot;ID&quot;:&quot;1&quot;,&quot;URI&quot;:&quot;/crm/type/177/list/&quot;');
    const third = await page(origin, '/crm/type/177/list/?page=3');
    expect(third.text.match(/data-testid="list-row"/g)).toHaveLength(20);
    expect(third.text).toContain('101–120 of 120');
  });

  it('filters by pipeline and finds an item by id or title', async () => {
    const origin = await start(createFakeHostData());
    const imports = await page(origin, '/crm/type/177/list/?category=2');
    expect(imports.text).toContain('1–50 of 60');
    const found = await page(origin, '/crm/type/177/list/?FIND=washing');
    expect(found.text.match(/data-testid="list-row"/g)).toHaveLength(1);
    expect(found.text).toContain('data-item-id="29"');
  });

  it('opens the list toolbar entry with the page URI only', async () => {
    const origin = await start(createFakeHostData());
    const { text } = await page(origin, '/crm/type/177/list/');
    expect(text).toContain(
      'data-placement="CRM_DYNAMIC_177_LIST_TOOLBAR" data-handler="http://127.0.0.1:5999/index.html" data-options="{&quot;URI&quot;:&quot;/crm/type/177/list/&quot;}"',
    );
  });
});

describe('the app page', () => {
  it('tells a non-admin that the app is not fully installed', async () => {
    const origin = await start(createFakeHostData({ installed: false }));
    const { text } = await page(origin, '/marketplace/app/1/?user=2');
    expect(text).toContain('data-testid="app-not-installed"');
    expect(text).not.toContain('data-app-page');
  });

  it('hands its query, minus the portal parameters, to the frame as options', async () => {
    const origin = await start(createFakeHostData());
    const { text } = await page(origin, '/marketplace/app/1/?view=settings&user=1&lang=de');
    expect(text).toContain('"placementOptions":{"view":"settings"}');
    expect(text).toContain('"lang":"de"');
  });
});

describe('the automation rules designer', () => {
  it('is reached from the list and the card, and its header menu opens the app with the designer URI only', async () => {
    const origin = await start(createFakeHostData());
    const list = await page(origin, '/crm/type/177/list/?category=2&user=2');
    expect(list.text).toContain('data-testid="automation-rules-link" href="/crm/type/177/automation/2/?user=2"');
    const all = await page(origin, '/crm/type/177/list/');
    expect(all.text).toContain('data-testid="automation-rules-link" href="/crm/type/177/automation/1/"');
    const card = await page(origin, '/crm/type/177/details/29/');
    expect(card.text).toMatch(/data-testid="automation-rules-link" href="\/crm\/type\/177\/automation\/\d+\/"/);

    const { status, text } = await page(origin, '/crm/type/177/automation/2/?user=2&lang=de');
    expect(status).toBe(200);
    expect(text).toContain('data-testid="automation-designer"');
    expect(text).toContain('data-testid="robot-designer-toolbar-apps"');
    expect(text).toContain('data-placement="CRM_DYNAMIC_177_ROBOT_DESIGNER_TOOLBAR"');
    expect(text).toContain('data-options="{&quot;URI&quot;:&quot;/crm/type/177/automation/2/&quot;}"');
    expect(text).toContain('data-stage-id="DT177_2:NEW"');
    expect(text).not.toContain('CRM_DYNAMIC_177_LIST_TOOLBAR');
  });

  it('answers not found for a pipeline the smart process does not have', async () => {
    const origin = await start(createFakeHostData());
    expect((await page(origin, '/crm/type/177/automation/3/')).status).toBe(404);
    expect((await page(origin, '/crm/type/999/automation/1/')).status).toBe(404);
  });
});

describe('the task card', () => {
  it('shows the task with its description as text and its CRM link', async () => {
    const origin = await start(createFakeHostData());
    const { status, text } = await page(origin, '/company/personal/user/1/tasks/task/view/5/');
    expect(status).toBe(200);
    expect(text).toContain('Call the &lt;supplier&gt;');
    expect(text).toContain('Equipment Purchase: Washing Machine');
    expect(text).toContain('In progress');
  });

  it('shows the checklist: each list with done of total, its items as text with their done state', async () => {
    const origin = await start(createFakeHostData());
    const { text } = await page(origin, '/company/personal/user/1/tasks/task/view/5/');
    expect(text).toContain('data-testid="task-checklist"');
    expect(text).toMatch(
      /Before ordering <span class="checklist-count" data-testid="task-checklist-count">1 of 2<\/span>/,
    );
    expect(text).toMatch(/data-item-id="2" data-complete="Y">[^]*Check the &lt;budget&gt;/);
    expect(text).toMatch(/data-item-id="3" data-complete="N">/);
  });
});

describe('the frames endpoint', () => {
  it('lays out a frame and refreshes its token once', async () => {
    const data = createFakeHostData();
    const origin = await start(data);
    const layout = await ajax(origin, { action: 'layout', user: 1, lang: 'en', placement: 'DEFAULT' });
    expect(layout.body.status).toBe('ok');
    const refreshId = (layout.body.layout as { refreshId: string }).refreshId;
    const refreshed = await ajax(origin, { action: 'access_refresh', refreshId });
    expect(refreshed.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: '3600',
    });
    const unknown = await ajax(origin, { action: 'access_refresh', refreshId: 'nope' });
    expect(unknown.status).toBe(400);
  });

  it('saves app options for an administrator only and echoes them all', async () => {
    const data = createFakeHostData();
    const origin = await start(data);
    const saved = await ajax(origin, {
      action: 'set_option',
      user: 1,
      options: [
        { name: 'a', value: '1' },
        { name: 'b', value: { c: 2 } },
      ],
    });
    expect(saved.body).toEqual({ a: '1', b: { c: 2 } });
    const denied = await ajax(origin, { action: 'set_option', user: 2, options: [{ name: 'a', value: 'x' }] });
    expect(denied.status).toBe(403);
    expect(data.appOptions()).toEqual({ a: '1', b: { c: 2 } });
  });

  it('refuses app and user options past the size the portal stores, saving nothing', async () => {
    const data = createFakeHostData();
    const origin = await start(data);
    const big = 'x'.repeat(70_000);
    const refused = await ajax(origin, { action: 'set_option', user: 1, options: [{ name: 'big', value: big }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('ERROR_ARGUMENT');
    expect(data.appOptions()).toEqual({});
    const user = await ajax(origin, { action: 'set_user_option', user: 2, name: 'big', value: big });
    expect(user.status).toBe(400);
    expect(data.userOptions(2)).toEqual({});
  });

  it('finishes the installation for an administrator', async () => {
    const data = createFakeHostData({ installed: false });
    const origin = await start(data);
    expect((await ajax(origin, { action: 'set_installed', user: 2, v: 'Y' })).status).toBe(403);
    expect(data.app().installed).toBe(false);
    expect((await ajax(origin, { action: 'set_installed', user: 1, v: 'Y' })).body).toEqual({ result: true });
    expect(data.app().installed).toBe(true);
  });

  it('answers bad requests with a message and refuses form posts', async () => {
    const origin = await start(createFakeHostData());
    const unknownAction = await ajax(origin, { action: 'explode' });
    expect(unknownAction.status).toBe(400);
    expect(unknownAction.body.message).toBe('Unknown action "explode".');
    const form = await fetch(origin + LAYOUT_AJAX_PATH, {
      method: 'POST',
      body: new URLSearchParams({ action: 'layout' }),
    });
    expect(form.status).toBe(400);
  });

  it('serves the bundled page script', async () => {
    const origin = await start(createFakeHostData());
    const response = await fetch(origin + PORTAL_SCRIPT_PATH);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(await response.text()).toContain('appframe_layout_');
  });
});
