/**
 * Regenerates docs/screenshot.png for the README: the detail tab of item 29 inside the
 * emulated portal. Needs a production build: `npx vite build` first.
 *   npx tsx scripts/screenshot.ts
 */
import { existsSync } from 'node:fs';
import { preview as startPreview } from 'vite';
import { chromium } from '@playwright/test';
import { startPortal } from '../portal/server';

const APP_PORT = 5230;
const appUrl = `http://127.0.0.1:${APP_PORT}/`;

const preview = await startPreview({ preview: { host: '127.0.0.1', port: APP_PORT, strictPort: true } });
const portal = await startPortal({ port: 0, appUrl });
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${portal.origin}/crm/type/177/details/29/?active_tab=CRM_DYNAMIC_177_DETAIL_TAB`);
  const frame = page.frameLocator('iframe[name*="|"]').first();
  await frame
    .getByRole('button', { name: /create task/i })
    .first()
    .waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot.png', fullPage: true });
  console.log('docs/screenshot.png written');
} finally {
  await browser.close();
  await portal.close();
  await new Promise<void>((resolve) => preview.httpServer.close(() => resolve()));
}
