import { expect, type Page } from '@playwright/test';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const SIZES = { desktop: DESKTOP, phone: PHONE };

/**
 * Saves full-page screenshots of the page as it stands to e2e/screenshots/<name>-<viewport>.png, checking at each
 * size that the page itself never scrolls sideways (a wide table scrolls in its own box); leaves the page at desktop
 * size.
 */
export async function screenshot(page: Page, name: string, viewports: (keyof typeof SIZES)[] = ['desktop', 'phone']) {
  for (const viewport of viewports) {
    const size = SIZES[viewport];
    await page.setViewportSize(size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: `e2e/screenshots/${name}-${viewport}.png`, fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}
