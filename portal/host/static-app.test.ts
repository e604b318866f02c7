/**
 * The portal installs a static app from its archive as Bitrix24 does: it unpacks it, hosts the
 * files on its own origin, opens install.html as the first-run wizard and index.html for the
 * app page and every placement; an archive it cannot install is refused with the reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../server';
import { readStaticAppArchive, StaticAppArchiveError, staticAppPath, unpackStaticApp } from './static-app';

const encode = (value: string) => new TextEncoder().encode(value);
const INDEX = '<!doctype html><title>app</title><script type="module" src="./assets/main.js"></script>';
const INSTALL = '<!doctype html><title>install</title>';

function archive(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, content]) => [path, encode(content)])));
}

describe('unpacking a static app archive', () => {
  it('keeps the files and notes the install wizard', () => {
    const app = unpackStaticApp(
      archive({ 'index.html': INDEX, 'install.html': INSTALL, 'assets/main.js': 'export {}' }),
      'app.zip',
    );
    expect([...app.files.keys()].sort()).toEqual(['assets/main.js', 'index.html', 'install.html']);
    expect(app.hasInstallWizard).toBe(true);
    expect(unpackStaticApp(archive({ 'index.html': INDEX }), 'app.zip').hasInstallWizard).toBe(false);
  });

  it('refuses an archive whose index.html is inside a folder, and says so', () => {
    expect(() =>
      unpackStaticApp(archive({ 'dist/index.html': INDEX, 'dist/install.html': INSTALL }), 'app.zip'),
    ).toThrow(
      "app.zip cannot be installed as a static application: index.html is not at the archive's root (it has dist/index.html: pack the folder's contents, not the folder)",
    );
  });

  it('refuses entries that would be unpacked outside the app folder', () => {
    expect(() => unpackStaticApp(archive({ 'index.html': INDEX, '../evil.js': 'x' }), 'app.zip')).toThrow(
      StaticAppArchiveError,
    );
  });

  it('refuses a file that is not a ZIP, and a file that is not there', () => {
    expect(() => unpackStaticApp(encode('not a zip at all'), 'app.zip')).toThrow(
      /app\.zip cannot be installed as a static application: it is not a readable ZIP archive/,
    );
    expect(() => readStaticAppArchive('/nonexistent/smart-tasks-0.0.0.zip')).toThrow(
      'the file does not exist (run `npm run package` first)',
    );
  });

  it('refuses a folder named in place of the archive, and says to name the ZIP', () => {
    const folder = mkdtempSync(join(tmpdir(), 'static-app-folder-'));
    try {
      expect(() => readStaticAppArchive(folder)).toThrow(
        `${folder} cannot be installed as a static application: it is a folder, not a ZIP archive (name the .zip file \`npm run package\` wrote)`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a portal started with an app archive', () => {
  let folder: string;
  let portal: RunningPortal;
  let base: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'static-app-test-'));
    const file = join(folder, 'smart-tasks-9.9.9.zip');
    writeFileSync(
      file,
      archive({ 'index.html': INDEX, 'install.html': INSTALL, 'assets/main.js': 'export const loaded = true;' }),
    );
    portal = await startPortal({ port: 0, appArchive: file, appUrl: 'http://127.0.0.1:5999/', rateLimit: null });
    base = `${portal.origin}${staticAppPath('local.6740f1c2a9b35d8e71c04b29')}`;
  });

  afterAll(async () => {
    await portal.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('hosts the files on its own origin: GET, and POST as the portal opens frames', async () => {
    expect(portal.config.appUrl).toBe(base);
    const get = await fetch(`${base}assets/main.js`);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await get.text()).toBe('export const loaded = true;');
    const post = await fetch(`${base}index.html`, {
      method: 'POST',
      body: new URLSearchParams({ AUTH_ID: 'x', PLACEMENT: 'DEFAULT' }),
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toBe(INDEX);
    expect((await fetch(`${base}missing.js`)).status).toBe(404);
    expect((await fetch(`${base}index.html`, { method: 'DELETE' })).status).toBe(405);
  });

  it('sends the folder named without its slash to the folder, where the relative asset paths resolve', async () => {
    const bare = await fetch(`${base.slice(0, -1)}?from=address-bar`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`${new URL(base).pathname}?from=address-bar`);
    const followed = await fetch(base.slice(0, -1));
    expect(followed.url).toBe(base);
    expect(await followed.text()).toBe(INDEX);
  });

  it('registers index.html as the app and install.html as its install URL, and binds placements to the hosted handler', async () => {
    const token = portal.issueAppToken(1);
    const call = async (method: string) => {
      const response = await fetch(`${portal.origin}/rest/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ auth: token.accessToken }),
      });
      return ((await response.json()) as { result: unknown }).result;
    };
    const bound = (await call('placement.get')) as Array<{ handler: string }>;
    expect(bound.length).toBeGreaterThan(0);
    expect(new Set(bound.map((binding) => binding.handler))).toEqual(new Set([`${base}index.html`]));
    const layout = await fetch(`${portal.origin}/bitrix/components/bitrix/app.layout/lazyload.ajax.php`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'layout', placement: 'DEFAULT', user: 1, lang: 'en', placementOptions: {} }),
    });
    expect(await layout.text()).toContain(`${base}index.html`);
  });

  it('keeps the app in its folder when the control API resets the portal to a fresh install', async () => {
    const reset = await fetch(`${portal.origin}/_emulator/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fresh: true }),
    });
    expect(reset.status).toBe(200);
    const layout = await fetch(`${portal.origin}/bitrix/components/bitrix/app.layout/lazyload.ajax.php`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'layout', placement: 'DEFAULT', user: 1, lang: 'en' }),
    });
    const answer = (await layout.json()) as { layout: { handler: string; install: boolean } };
    expect(answer.layout.handler).toBe(`${base}install.html`);
    expect(answer.layout.install).toBe(true);
  });
});

describe('the first run of an app installed from its archive', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'static-app-first-run-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function defaultLayout(
    files: Record<string, string>,
  ): Promise<{ handler: string; install: boolean; base: string }> {
    const file = join(folder, `app-${Object.keys(files).length}.zip`);
    writeFileSync(file, archive(files));
    const portal = await startPortal({ port: 0, appArchive: file, fresh: true, rateLimit: null });
    try {
      const response = await fetch(`${portal.origin}/bitrix/components/bitrix/app.layout/lazyload.ajax.php`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'layout', placement: 'DEFAULT', user: 1, lang: 'en' }),
      });
      const answer = (await response.json()) as { layout: { handler: string; install: boolean } };
      return { ...answer.layout, base: `${portal.origin}${staticAppPath('local.6740f1c2a9b35d8e71c04b29')}` };
    } finally {
      await portal.close();
    }
  }

  it('opens install.html from the archive as the install wizard', async () => {
    const layout = await defaultLayout({ 'index.html': INDEX, 'install.html': INSTALL });
    expect(layout.handler).toBe(`${layout.base}install.html`);
    expect(layout.install).toBe(true);
  });

  it('opens index.html at once when the archive has no install.html (installation-master.md)', async () => {
    const layout = await defaultLayout({ 'index.html': INDEX });
    expect(layout.handler).toBe(`${layout.base}index.html`);
    expect(layout.install).toBe(false);
  });
});
