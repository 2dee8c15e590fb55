import path from "node:path";
import type { Page } from "@playwright/test";

const DIR = path.join(import.meta.dirname, "..", "screenshots");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Saves `<name>-desktop.png` (the whole page at 1280 wide) and `<name>-phone-<n>.png` (390 wide, one
 * screenful each, up to `phoneScreens`), so every part of a long phone page can be looked at at full
 * size. `fullPage: false` for virtualized lists (rows off screen are not drawn). Restores the desktop size and the scroll position afterwards.
 */
export async function capturePage(
  page: Page,
  name: string,
  { phoneScreens = 2, fullPage = true }: { phoneScreens?: number; fullPage?: boolean } = {},
): Promise<void> {
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.setViewportSize(DESKTOP);
  // From the top: a sticky header would otherwise be drawn in the middle of a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  await page.screenshot({ path: path.join(DIR, `${name}-desktop.png`), fullPage });
  await page.setViewportSize(PHONE);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  for (let screen = 1; screen <= phoneScreens; screen++) {
    await page.screenshot({ path: path.join(DIR, `${name}-phone-${screen}.png`) });
    const isAtEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight - 80);
      return window.scrollY === before;
    });
    if (isAtEnd) break;
    await settle(page);
  }
  await page.setViewportSize(DESKTOP);
  await page.evaluate((y) => window.scrollTo(0, y), scrollY);
  await settle(page);
}
