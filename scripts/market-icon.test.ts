/** The Market icon is what the Market takes: a square PNG of 250–650 px without transparency. */
import { describe, expect, it } from 'vitest';
import { MARKET_ICON_SIZE, renderMarketIcon } from './market-icon';

describe('the Market icon', () => {
  it('is a square opaque PNG between 250 and 650 pixels', async () => {
    const png = Buffer.from(await renderMarketIcon());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width, height (big-endian), bit depth, colour type (2 = RGB, 6 = RGB with alpha).
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(MARKET_ICON_SIZE);
    expect(height).toBe(width);
    expect(width).toBeGreaterThanOrEqual(250);
    expect(width).toBeLessThanOrEqual(650);
    expect([0, 2]).toContain(png[25]);
  }, 60_000);
});
