/**
 * The Market card's icon from the app card's SVG: Bitrix24 Market takes a square JPEG or PNG of
 * 250 to 650 pixels without a transparent background (market/preparing-to-publish/common-requirements.md,
 * "Icon"), so the SVG is drawn on white by the system Chromium (as the e2e tests run it) and saved as PNG.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { appCardIconSvg } from '../placements/app-card';

/** Side of the Market icon, pixels: inside the 250–650 px the Market accepts. */
export const MARKET_ICON_SIZE = 512;

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Renders the card's icon as an opaque square PNG of {@link MARKET_ICON_SIZE} pixels.
 * @throws Error when no Chromium can be started (Playwright's own or /usr/bin/chromium).
 */
export async function renderMarketIcon(): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: MARKET_ICON_SIZE, height: MARKET_ICON_SIZE },
      deviceScaleFactor: 1,
    });
    const svg = appCardIconSvg().replace(
      /\swidth="\d+"\s+height="\d+"/,
      ` width="${MARKET_ICON_SIZE}" height="${MARKET_ICON_SIZE}"`,
    );
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
    return await page.screenshot({
      type: 'png',
      omitBackground: false,
      clip: { x: 0, y: 0, width: MARKET_ICON_SIZE, height: MARKET_ICON_SIZE },
    });
  } finally {
    await browser.close();
  }
}
