import { signInToAdmin } from "./support/admin.ts";
import { inventoryRow, mutate, productDetail, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

interface Alert {
  productId: string;
  productName: string;
  category: string;
  available: number;
}

// Out of stock in the demo seed (no lots) and never given any in these tests.
const EMPTIED_PRODUCT = "Antiseptic cream 30g";

test("the low-stock widget filters by category and severity, kept in the URL", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    // An out-of-stock alert: receive one unit and write it off, then wait for the worker's low-stock check.
    const product = await inventoryRow(api, EMPTIED_PRODUCT);
    const detail = await productDetail(api, product.id);
    const [location] = await query<{ id: string; isSellable: boolean }[]>(api, "locations.list", {});
    if (!location) throw new Error("Greenleaf has no location");
    const { lotId } = await mutate<{ lotId: string }>(api, "stock.receive", {
      productId: product.id,
      locationId: location.id,
      lotNumber: "E2E-ALERT",
      expiryDate: null,
      unitCostCents: detail.product.unitCostCents,
      quantity: 1,
    });
    await mutate(api, "stock.writeOff", { lotId, quantity: 1, reason: "DAMAGED", note: "e2e: empty again" });
    await expect
      .poll(async () => (await query<Alert[]>(api, "alerts.lowStock", { limit: 500 })).find((alert) => alert.productId === product.id)?.available, {
        message: "the worker opens (or updates) the product's low-stock alert at 0 available",
        timeout: 20_000,
      })
      .toBe(0);
    const alerts = await query<Alert[]>(api, "alerts.lowStock", { limit: 500 });
    const low = alerts.filter((alert) => alert.available > 0);
    const out = alerts.filter((alert) => alert.available === 0);
    expect(out.length, "at least one out-of-stock alert").toBeGreaterThan(0);

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    const widget = page.getByRole("region", { name: "Low stock" });
    const rows = widget.locator("tbody tr");
    await expect(rows).toHaveCount(alerts.length);
    await expect(widget).toContainText(`${alerts.length} open ${alerts.length === 1 ? "alert" : "alerts"}`);
    await capturePage(page, "admin-dashboard", { phoneScreens: 3 });

    // Severity: out of stock only.
    await widget.getByLabel("Severity").selectOption({ label: "Out of stock" });
    await expect(page).toHaveURL(/[?&]severity=out/);
    await expect(rows).toHaveCount(out.length);
    await expect(rows.filter({ hasText: EMPTIED_PRODUCT })).toContainText("Out of stock");

    // Category on top: the emptied product's category, then severity "low" within it.
    await widget.getByLabel("Category").selectOption(product.category);
    await expect(page).toHaveURL(/[?&]alertCategory=First(\+|%20)aid/);
    await expect(rows).toHaveCount(out.filter((alert) => alert.category === product.category).length);

    // Both filters survive a reload.
    await page.reload();
    await expect(widget.getByLabel("Severity")).toHaveValue("out");
    await expect(widget.getByLabel("Category")).toHaveValue(product.category);
    await expect(rows).toHaveCount(out.filter((alert) => alert.category === product.category).length);

    await widget.getByLabel("Severity").selectOption({ label: "Low" });
    const lowInCategory = low.filter((alert) => alert.category === product.category);
    if (lowInCategory.length === 0) await expect(widget.getByText("No alerts match these filters")).toBeVisible();
    else await expect(rows).toHaveCount(lowInCategory.length);

    await widget.getByLabel("Category").selectOption({ label: "All categories" });
    await expect(rows).toHaveCount(low.length);
    await expect(page).not.toHaveURL(/alertCategory=/);

    // A row links to the product's page.
    await widget.getByLabel("Severity").selectOption({ label: "Out of stock" });
    await widget.getByRole("link", { name: EMPTIED_PRODUCT }).click();
    await expect(page.getByRole("heading", { level: 1, name: EMPTIED_PRODUCT })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/admin/inventory/${product.id}`));
  } finally {
    await api.dispose();
  }
});

test("the dashboard cards show the server's numbers", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.harvestManager.email);
  try {
    const summary = await query<{ products: number; lowStock: number; outOfStock: number; stockValueCents: number }>(api, "reports.dashboard", {});
    await signInToAdmin(page, LOGINS.harvestManager.email);
    const cards = page.locator("dl[aria-label='Stock summary']");
    await expect(cards).toContainText(`Total products${summary.products}`);
    await expect(cards).toContainText(`Low stock${summary.lowStock}`);
    await expect(cards).toContainText(`Out of stock${summary.outOfStock}`);
    const value = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(summary.stockValueCents / 100);
    await expect(cards).toContainText(`Stock value${value}`);
  } finally {
    await api.dispose();
  }
});
