// `pnpm bench:pages`: page loads as people see them. The built SPAs (run `pnpm build` first) served
// by the real server on a fresh demo shop, measured in Chromium at 1280x800, cold and warm; writes
// bench/results/pages.json and prints a table. BENCHMARKS.md says how each number is taken.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { REPO_ROOT } from "@stockroom/db";
import { chooseChromium, currentChromiumSources, noChromiumMessage } from "../../../scripts/chromium.ts";
import { measurePage, type PageResult, type PageSpec } from "./measure.ts";
import { ADMIN_EMAIL, CONTENT, pickProduct, signIn, withOneItemCart } from "./pages.ts";
import { printPagesTable } from "./print-pages-table.ts";
import { assertSpasBuilt, startSystem } from "./system.ts";

const RUNS = Number(process.env.BENCH_PAGES_RUNS ?? 7);
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const log = (line: string) => console.log(`[bench:pages] ${line}`);

async function main(): Promise<void> {
  assertSpasBuilt();
  const sources = await currentChromiumSources();
  const choice = chooseChromium(sources);
  if (!choice) throw new Error(noChromiumMessage(sources));
  log("fresh embedded Postgres in .data/bench-pages, migrations, demo shop");
  const system = await startSystem(log);
  const browser = await chromium.launch({ executablePath: choice.path, args: CHROMIUM_ARGS });
  try {
    const { base } = system;
    const product = await pickProduct(base);
    const admin = (context: Parameters<typeof signIn>[0]) => signIn(context, base);
    const specs: PageSpec[] = [
      { name: "storefront home", url: `${base}/`, content: CONTENT.home },
      { name: "product page", url: `${base}/products/${product.slug}`, content: CONTENT.product },
      { name: "checkout (1 item)", url: `${base}/checkout`, content: CONTENT.checkout, prepare: (context) => withOneItemCart(context, product) },
      {
        name: "admin dashboard",
        url: `${base}/admin/`,
        content: CONTENT.dashboard,
        prepare: admin,
        click: {
          name: "inventory via nav link",
          content: CONTENT.inventory,
          run: (page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }).click(),
        },
      },
      { name: "admin inventory", url: `${base}/admin/inventory`, content: CONTENT.inventory, prepare: admin },
    ];
    log(`Chromium ${browser.version()} (${choice.source}), ${RUNS} runs a page, admin signed in as ${ADMIN_EMAIL}`);
    const pages: Record<string, PageResult> = {};
    for (const spec of specs) pages[spec.name] = await measurePage(browser, spec, RUNS, log);
    const results = {
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, node: process.version, chromium: browser.version() },
      runs: RUNS,
      viewport: "1280x800",
      product: product.slug,
      pages,
    };
    const out = path.join(REPO_ROOT, "bench/results/pages.json");
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    printPagesTable(pages);
    log(`written ${path.relative(REPO_ROOT, out)}`);
  } finally {
    await browser.close();
    await system.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
