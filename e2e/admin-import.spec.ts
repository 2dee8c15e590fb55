import { readFile } from "node:fs/promises";
import { signInToAdmin } from "./support/admin.ts";
import { query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { GREENLEAF_PRODUCT, LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

const HEADER = "sku,location,lot_number,expiry,quantity,unit_cost";

test("import stock from CSV: a bad row shows its line, the fixed file applies with a progress bar, the stock is in the inventory and its export", async ({
  page,
  baseURL,
}) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  let location: string;
  try {
    const locations = await query<{ name: string; isSellable: boolean }[]>(api, "locations.list", {});
    location = locations.find((l) => l.isSellable)?.name ?? "";
  } finally {
    await api.dispose();
  }
  const lot = `E2E-${Date.now()}`;
  const good = `${GREENLEAF_PRODUCT.sku},${location},${lot},2028-01-31,12,`;
  const bad = `${HEADER}\n${good}\n${GREENLEAF_PRODUCT.sku},${location},${lot}-B,2028-13-01,5,\n`;

  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import CSV" })).toBeVisible();
  await page.getByLabel("CSV file").setInputFiles({ name: "delivery.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check file (dry run)" }).click();
  const invalid = page.getByRole("table", { name: "Invalid rows" });
  await expect(invalid.locator("tbody tr")).toHaveCount(1);
  await expect(invalid.locator("tbody tr td")).toHaveText(["3", "expiry", '"2028-13-01" is not a date like 2027-03-31']);
  await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();
  await capturePage(page, "admin-import-dry-run");

  await page.getByLabel("CSV file").setInputFiles({ name: "delivery.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n${good}\n`) });
  await page.getByRole("button", { name: "Check file (dry run)" }).click();
  await expect(invalid).toHaveCount(0);
  await expect(page.locator("dl[aria-label='Dry run']")).toContainText("To create1");
  await page.getByRole("button", { name: "Apply" }).click();
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(page.getByRole("region", { name: "3. Apply" })).toContainText("DONE · 1 / 1 rows", { timeout: 20_000 });
  await expect(progress).toHaveAttribute("value", "1");
  await expect(page.getByText("Applied: 1 created, 0 updated, 0 unchanged, 0 skipped.")).toBeVisible();
  await capturePage(page, "admin-import-progress");

  await page.getByRole("link", { name: "See the stock in the inventory" }).click();
  await page.getByLabel("Search inventory").fill(lot);
  await expect(page).toHaveURL(new RegExp(`search=${lot}`));
  await expect(page.getByRole("cell", { name: GREENLEAF_PRODUCT.name }).first()).toBeVisible();
  await capturePage(page, "admin-import-inventory", { phoneScreens: 1, fullPage: false });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe("sku,location,lot_number,expiry,quantity,unit_cost,product_name,reserved,received_at");
  expect(lines.some((line) => line.startsWith(`${GREENLEAF_PRODUCT.sku},${location},${lot},2028-01-31,12,`))).toBe(true);
});
