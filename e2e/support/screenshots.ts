import path from "node:path";
import type { Page } from "@playwright/test";

const DIR = path.join(import.meta.dirname, "..", "screenshots");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Saves `<name>-desktop.png` and `<name>-phone.png` (e2e/screenshots/, git-ignored), then restores the desktop size. */
export async function captureScreens(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    // Let layout settle after the resize (fonts, sticky header) before capturing.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: path.join(DIR, `${name}-${size}.png`), fullPage: options.fullPage ?? false });
  }
  await page.setViewportSize(DESKTOP);
}
