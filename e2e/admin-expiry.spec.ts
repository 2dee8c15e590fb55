import { readFile } from "node:fs/promises";
import { signInToAdmin } from "./support/admin.ts";
import { query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

interface ExpiryReport {
  bands: { band: string; lots: number; units: number; valueCents: number }[];
  lots: { lotNumber: string }[];
  waste: { reason: string; units: number; costCents: number }[];
  expiredWasteRate: number;
}

const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const count = new Intl.NumberFormat("en-GB");
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

test("the expiry & waste report shows the same totals as the server, and exports them as CSV", async ({ page, baseURL }) => {
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  let report: ExpiryReport;
  try {
    report = await query<ExpiryReport>(api, "reports.expiryWaste", { from, to });
  } finally {
    await api.dispose();
  }
  expect(report.lots.length, "the seed has lots expiring within 90 days").toBeGreaterThan(0);

  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Expiry & waste" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Expiry & waste" })).toBeVisible();

  const bands = page.getByRole("region", { name: "Lots by expiry band" });
  for (const band of report.bands) {
    const row = bands.locator(`tr[data-band="${band.band}"]`);
    await expect(row.locator("td[data-label='Lots']")).toHaveText(count.format(band.lots));
    await expect(row.locator("td[data-label='Units']")).toHaveText(count.format(band.units));
    await expect(row.locator("td[data-label='Value at cost']")).toHaveText(money.format(band.valueCents / 100));
  }
  const total = bands.locator('tr[data-band="total"]');
  await expect(total.locator("td[data-label='Units']")).toHaveText(count.format(report.bands.reduce((sum, band) => sum + band.units, 0)));
  await expect(total.locator("td[data-label='Value at cost']")).toHaveText(money.format(report.bands.reduce((sum, band) => sum + band.valueCents, 0) / 100));

  const summary = page.locator("dl[aria-label='Expiry and waste summary']");
  await expect(summary).toContainText(`Expired waste rate${percent.format(report.expiredWasteRate)}`);
  const wasteCost = report.waste.reduce((sum, row) => sum + row.costCents, 0);
  await expect(summary).toContainText(`Written off${money.format(wasteCost / 100)}`);
  const waste = page.getByRole("region", { name: "Waste by reason" });
  if (report.waste.length === 0) await expect(waste.getByText("Nothing was written off in this period")).toBeVisible();
  else await expect(waste.locator('tr[data-reason="total"] td[data-label="Cost"]')).toHaveText(money.format(wasteCost / 100));
  await expect(page.getByRole("region", { name: "Lots expiring" }).locator("tbody tr")).toHaveCount(report.lots.length);
  await capturePage(page, "admin-expiry", { phoneScreens: 3 });

  // CSV export: a download built from the server's CSV, one line per lot after the header.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`expiry-waste-${from}-to-${to}.csv`);
  const csv = await readFile(await file.path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe("band,product,sku,lot,location,expiry_date,units,value_at_cost");
  expect(lines).toHaveLength(report.lots.length + 1);
  for (const lot of report.lots) expect(csv).toContain(lot.lotNumber);
});
