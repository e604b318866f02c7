/**
 * `npm run screenshots`: pictures of every surface, as a user sees it inside the emulated portal,
 * in every language at a narrow and a wide window, into docs/screenshots/<surface>-<lang>-<width>.png
 * (the README shows the main ones). Builds the app for production, serves it with vite preview,
 * starts the emulator with its seed data (no costs: `--cost instant`), and drives Chromium
 * (/usr/bin/chromium when present) through the same e2e helpers the tests use.
 *
 * `-400` pictures show the app's frame 400 px wide (the window as much wider as the portal's own
 * menu or slider margin takes), `-1280` a 1,280 px window. Only the window is captured (the
 * files are committed: no page-long shots).
 *
 *   npm run screenshots                          every surface, language and width
 *   npm run screenshots -- detail-tab quick-create   only these surfaces
 *
 * Ports: SCREENSHOTS_PORTAL_PORT (4330) and SCREENSHOTS_APP_PORT (5230), so that it runs beside
 * `npm start` and the e2e suite.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, preview as startPreview } from 'vite';
import { chromium, type FrameLocator, type Page } from '@playwright/test';
import { startPortal } from '../portal/server';
import { LANGUAGES } from '../placements/languages';
import {
  openAppPage,
  openDetailActivityApp,
  openDetailTab,
  openListToolbarApp,
  openRobotDesignerEntry,
  type PortalPageOptions,
} from '../e2e/support/portal';

/** A port from the environment, else the default. */
function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}: "${raw}" is not a port (1-65535)`);
  return port;
}

const PORTAL_PORT = portFromEnv('SCREENSHOTS_PORTAL_PORT', 4330);
const APP_PORT = portFromEnv('SCREENSHOTS_APP_PORT', 5230);
const appUrl = `http://127.0.0.1:${APP_PORT}/`;
const OUT_DIR = resolve('docs/screenshots');
const BUILD_DIR = resolve(`.screenshots-dist/${APP_PORT}`);
/**
 * The widths, CSS px. `frame`: the app's own frame is made that wide (the window is widened by
 * what the portal draws beside it: its menu, a slider's margin), as on a phone; `window`: the
 * browser window is that wide, as on an ordinary laptop.
 */
const WIDTHS = [
  { width: 400, of: 'frame' },
  { width: 1280, of: 'window' },
] as const;
const HEIGHT = 860;

/** The smart process and item every picture shows (the seed's "Equipment Purchase" item 29). */
const ENTITY_TYPE_ID = 177;
const ITEM_ID = 29;
/** The seed's "General" funnel of that smart process. */
const FUNNEL_ID = 7;
/** A user without administrator rights in the seed. */
const ORDINARY_USER = 2;

interface Surface {
  name: string;
  /** Opens the surface as a user would and returns its app frame. */
  open: (page: Page, options: PortalPageOptions) => Promise<FrameLocator>;
}

const SURFACES: Surface[] = [
  {
    name: 'detail-tab',
    open: (page, options) => openDetailTab(page, { ...options, entityTypeId: ENTITY_TYPE_ID, itemId: ITEM_ID }),
  },
  {
    name: 'quick-create',
    open: (page, options) => openDetailActivityApp(page, { ...options, entityTypeId: ENTITY_TYPE_ID, itemId: ITEM_ID }),
  },
  {
    name: 'bulk',
    open: (page, options) => openListToolbarApp(page, { ...options, entityTypeId: ENTITY_TYPE_ID }),
  },
  { name: 'app-page-admin', open: (page, options) => openAppPage(page, options) },
  { name: 'app-page-user', open: (page, options) => openAppPage(page, { ...options, user: ORDINARY_USER }) },
  {
    // The stage playbook editor, from the automation rules designer's menu.
    name: 'playbook-editor',
    open: (page, options) =>
      openRobotDesignerEntry(page, { ...options, entityTypeId: ENTITY_TYPE_ID, categoryId: FUNNEL_ID }),
  },
];

const APP_FRAME = 'iframe[data-testid="app-frame"]';

/** Widens or narrows the window until the visible app frame is `width` px wide (two tries: the portal's layout may change with the width). */
async function fitFrameWidth(page: Page, frame: FrameLocator, width: number): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const box = await page.locator(`${APP_FRAME}:visible`).last().boundingBox();
    if (!box) return;
    const delta = Math.round(width - box.width);
    if (Math.abs(delta) <= 1) return;
    const viewport = page.viewportSize() ?? { width, height: HEIGHT };
    await page.setViewportSize({ width: viewport.width + delta, height: HEIGHT });
    await settled(page, frame);
  }
}

/** Waits until the surface drew its content: no skeleton, nothing busy, no pending request. */
async function settled(page: Page, frame: FrameLocator): Promise<void> {
  await frame.locator('#root > *').first().waitFor({ timeout: 30_000 });
  await frame.locator('.st-skeleton, [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 30_000 });
  // Quiet network, at most a few seconds: a surface may keep a timer's request going.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  // The frame's height follows its content through the portal's resize message.
  await page.waitForTimeout(400);
}

const only = process.argv.slice(2);
const surfaces = only.length > 0 ? SURFACES.filter((surface) => only.includes(surface.name)) : SURFACES;
if (surfaces.length === 0) {
  console.error(`No such surface: ${only.join(', ')}. Known: ${SURFACES.map((surface) => surface.name).join(', ')}`);
  process.exit(1);
}

mkdirSync(OUT_DIR, { recursive: true });
console.log('Building the app…');
await build({ logLevel: 'warn', build: { outDir: BUILD_DIR, emptyOutDir: true } });
const preview = await startPreview({
  logLevel: 'warn',
  build: { outDir: BUILD_DIR },
  preview: { host: '127.0.0.1', port: APP_PORT, strictPort: true },
});
const portal = await startPortal({ port: PORTAL_PORT, appUrl, cost: 'instant' });
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failures = 0;
try {
  for (const { width, of } of WIDTHS) {
    const context = await browser.newContext({
      viewport: { width, height: HEIGHT },
      baseURL: portal.origin,
      deviceScaleFactor: 1,
    });
    for (const surface of surfaces) {
      for (const lang of LANGUAGES) {
        const file = `${surface.name}-${lang}-${width}.png`;
        const page = await context.newPage();
        try {
          const frame = await surface.open(page, { lang });
          await settled(page, frame);
          if (of === 'frame') await fitFrameWidth(page, frame, width);
          // No hover left over from the click that opened the surface.
          await page.mouse.move(0, 0);
          await page.waitForTimeout(150);
          await page.screenshot({ path: resolve(OUT_DIR, file) });
          console.log(`docs/screenshots/${file}`);
        } catch (error) {
          failures += 1;
          console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await page.close();
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await portal.close();
  await new Promise<void>((done) => preview.httpServer.close(() => done()));
}
if (failures > 0) {
  console.error(`${failures} screenshot(s) failed.`);
  process.exit(1);
}
