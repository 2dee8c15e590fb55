import type { Browser, BrowserContext, Page } from "@playwright/test";
import { timeClick, timeFullLoad } from "./content-timer.ts";
import { type JsShipped, recordJs } from "./js-shipped.ts";
import { type Summary, summarize } from "./stats.ts";

export const VIEWPORT = { width: 1280, height: 800 };

export interface PageSpec {
  name: string;
  url: string;
  content: readonly string[];
  /** Before the first navigation of each new context: sign in, fill the cart. */
  prepare?: (context: BrowserContext) => Promise<void>;
  /** A client-side navigation measured from the warm page (the admin's nav link to inventory). */
  click?: { name: string; run: (page: Page) => Promise<void>; content: readonly string[] };
}

export interface PageResult {
  url: string;
  /** New context (empty HTTP cache, no service worker), full navigation. */
  cold: Summary;
  /** A second full navigation in the same context (HTTP cache, and the admin's service worker, warm). */
  warm: Summary;
  /** What the cold load's page requested, measured on the first run. */
  js: JsShipped;
  click?: { name: string; time: Summary; js: JsShipped };
}

/** `runs` times: a new context loads the page cold, then again warm, then (if any) follows the click. */
export async function measurePage(browser: Browser, spec: PageSpec, runs: number, log: (line: string) => void): Promise<PageResult> {
  const cold: number[] = [];
  const warm: number[] = [];
  const clicks: number[] = [];
  let js: JsShipped | undefined;
  let clickJs: JsShipped | undefined;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      await spec.prepare?.(context);
      const coldJs = run === 0 ? recordJs(context) : undefined;
      const first = await timeFullLoad(context, spec.url, spec.content);
      coldJs?.markContent();
      cold.push(first.ms);
      if (coldJs) {
        await first.page.waitForLoadState("networkidle");
        js = await coldJs.finish();
      }
      await first.page.close();
      const second = await timeFullLoad(context, spec.url, spec.content);
      warm.push(second.ms);
      if (spec.click) {
        await second.page.waitForLoadState("networkidle");
        const navJs = run === 0 ? recordJs(context) : undefined;
        const { run: click, content } = spec.click;
        clicks.push(await timeClick(second.page, () => click(second.page), content));
        navJs?.markContent();
        if (navJs) {
          await second.page.waitForLoadState("networkidle");
          clickJs = await navJs.finish();
        }
      }
    } finally {
      await context.close();
    }
  }
  if (!js) throw new Error(`${spec.name}: no run`);
  const result: PageResult = { url: spec.url, cold: summarize(cold), warm: summarize(warm), js };
  if (spec.click && clickJs) result.click = { name: spec.click.name, time: summarize(clicks), js: clickJs };
  log(
    `  ${spec.name}: cold median ${result.cold.medianMs} ms, warm ${result.warm.medianMs} ms, JS ${result.js.count} files ${(result.js.gzipBytes / 1024).toFixed(1)} KiB gzipped (${(result.js.beforeContent.gzipBytes / 1024).toFixed(1)} KiB before the content)` +
      (result.click ? `; ${result.click.name} median ${result.click.time.medianMs} ms` : ""),
  );
  return result;
}
