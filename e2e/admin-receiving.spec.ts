import { signInToAdmin } from "./support/admin.ts";
import { type InventoryRow, productDetail, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

/** A tracked product of the demo whose history left empty lots (sold or written off), and its detail. */
async function productWithEmptyLots(api: Parameters<typeof productDetail>[0]) {
  const page = await query<{ items: InventoryRow[] }>(api, "reports.inventory", { pageSize: 50, sort: "sku" });
  for (const row of page.items) {
    const detail = await productDetail(api, row.id);
    if (detail.lots.some((lot) => lot.onHand === 0) && detail.lots.some((lot) => lot.onHand > 0)) return { row, detail };
  }
  throw new Error("the demo has no product with empty lots");
}

test("an expired lot is refused, then received into quarantine where it is not for sale; empty lots wait under history", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const { row: product, detail: before } = await productWithEmptyLots(api);
    const lotNumber = `E2E-Q${Date.now().toString(36).toUpperCase()}`;

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.goto(`/admin/inventory/${product.id}`);
    await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();
    // The demo's 90 days leave empty lots: they sit under "History", not in the lots table.
    const lots = page.getByRole("region", { name: "Lots" });
    await expect(lots.locator("table").first().locator("tbody tr")).toHaveCount(before.lots.filter((lot) => lot.onHand > 0).length);
    const emptyLots = before.lots.filter((lot) => lot.onHand === 0).length;
    await expect(lots.locator("summary")).toHaveText(`History: ${emptyLots === 1 ? "1 empty lot" : `${emptyLots} empty lots`}`);

    const form = page.getByRole("form", { name: "Receive stock" });
    await form.getByLabel("Lot number").fill(lotNumber);
    await form.getByLabel("Expiry date").fill("2020-01-31");
    await form.getByLabel("Quantity").fill("4");
    await form.getByRole("button", { name: "Receive stock" }).click();
    await expect(form.getByRole("alert")).toContainText("This lot expired on 2020-01-31.");
    await expect(form.getByText("Already expired.")).toBeVisible();
    await capturePage(page, "admin-receive-quarantine", { phoneScreens: 0 });

    await form.getByRole("button", { name: "Receive into quarantine" }).click();
    await expect(form.getByRole("status")).toContainText(`Received 4 into lot ${lotNumber} in quarantine (not for sale)`);
    const after = await productDetail(api, product.id);
    expect(after.available).toBe(before.available);
    expect(after.lots.find((lot) => lot.lotNumber === lotNumber)).toMatchObject({ location: "Quarantine", isSellable: false, onHand: 4 });
  } finally {
    await api.dispose();
  }
});
