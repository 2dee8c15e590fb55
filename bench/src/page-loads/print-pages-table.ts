import type { PageResult } from "./measure.ts";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One row per measure: cold and warm median / p95, and the JavaScript the cold load fetched. */
export function printPagesTable(pages: Record<string, PageResult>): void {
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name, page] of Object.entries(pages)) {
    rows[name] = {
      "cold median / p95 (ms)": `${page.cold.medianMs} / ${page.cold.p95Ms}`,
      "warm median / p95 (ms)": `${page.warm.medianMs} / ${page.warm.p95Ms}`,
      "JS gzipped (files)": `${kib(page.js.gzipBytes)} (${page.js.count})`,
      "of it before the content": `${kib(page.js.beforeContent.gzipBytes)} (${page.js.beforeContent.count})`,
    };
    if (page.click) {
      rows[`${name} -> ${page.click.name}`] = {
        "cold median / p95 (ms)": "",
        "warm median / p95 (ms)": `${page.click.time.medianMs} / ${page.click.time.p95Ms}`,
        "JS gzipped (files)": `+${kib(page.click.js.gzipBytes)} (${page.click.js.count})`,
        "of it before the content": `+${kib(page.click.js.beforeContent.gzipBytes)} (${page.click.js.beforeContent.count})`,
      };
    }
  }
  console.table(rows);
}
