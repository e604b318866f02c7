/** The portal's application list (home page) shows the app from its card, in the page's language. */
import { afterEach, describe, expect, it } from 'vitest';
import { appCard } from '../../../placements/app-card';
import { APP_ICON_PATH } from '../paths';
import { createFakeHostData } from '../testing/fake-host-data';
import { startHostServer, type RunningHostServer } from '../testing/host-server';

let server: RunningHostServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("the portal's application list", () => {
  it("shows the card's icon, name and short description in the page's language, and where the app is hosted", async () => {
    server = await startHostServer(createFakeHostData({ installed: false }));
    const text = await (await fetch(`${server.origin}/?lang=ru`)).text();
    expect(text).toContain(`src="${APP_ICON_PATH}"`);
    expect(text).toContain(`data-testid="app-card-name" href="/marketplace/app/1/?lang=ru">${appCard.name.ru}</a>`);
    expect(text).toContain(`data-testid="app-card-description">${appCard.shortDescription.ru}</p>`);
    expect(text).toContain('data-testid="app-card-status">not installed yet</span>');
    expect(text).toContain('Hosted at <code>http://127.0.0.1:5999/</code>');

    const icon = await fetch(`${server.origin}${APP_ICON_PATH}`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });
});
