import type { BrowserContext, Page } from "@playwright/test";

/**
 * An init script: a MutationObserver notes `performance.now()` (ms since the navigation started) the
 * first time every one of the selectors matches, before any of the page's own scripts run. A click
 * anywhere notes its time too, for client-side navigations. Strings, not functions: the bench's
 * TypeScript has no DOM types.
 */
function timerScript(selectors: readonly string[]): string {
  return `(() => {
    const state = { selectors: ${JSON.stringify(selectors)}, at: null, clickAt: null };
    const check = () => {
      if (state.at === null && state.selectors.every((s) => document.querySelector(s))) state.at = performance.now();
    };
    state.reset = (selectors) => { state.selectors = selectors; state.at = null; state.clickAt = null; check(); };
    window.__bench = state;
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    document.addEventListener("click", () => { if (state.clickAt === null) state.clickAt = performance.now(); }, true);
  })();`;
}

interface TimerState {
  at: number | null;
  clickAt: number | null;
  reset(selectors: readonly string[]): void;
}
/** In the page, as `globalThis` (functions run there must be self-contained: they are serialized). */
type BenchGlobal = { __bench: TimerState };

async function contentAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (globalThis as unknown as Partial<BenchGlobal>).__bench?.at, undefined, { timeout: 60_000 });
  return Number(await handle.jsonValue());
}

/** A full navigation in a new tab of `context`: ms from navigation start until the content's selectors all match. */
export async function timeFullLoad(context: BrowserContext, url: string, selectors: readonly string[]): Promise<{ ms: number; page: Page }> {
  const page = await context.newPage();
  await page.addInitScript({ content: timerScript(selectors) });
  await page.goto(url, { waitUntil: "commit" });
  return { ms: await contentAt(page), page };
}

/** A client-side navigation: ms from the click until the new content's selectors all match. */
export async function timeClick(page: Page, click: () => Promise<void>, selectors: readonly string[]): Promise<number> {
  await page.evaluate((next) => (globalThis as unknown as BenchGlobal).__bench.reset(next), selectors);
  await click();
  const at = await contentAt(page);
  const clickAt = Number(await page.evaluate(() => (globalThis as unknown as BenchGlobal).__bench.clickAt));
  return at - clickAt;
}
