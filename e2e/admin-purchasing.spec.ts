import type { Page } from "@playwright/test";
import { signInToAdmin } from "./support/admin.ts";
import { mutate, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

interface PoRow {
  id: string;
  reference: string;
  status: string;
  supplierName: string;
}
interface Supplier {
  id: string;
  name: string;
  products: { productId: string; isPreferred: boolean }[];
}
interface Po {
  id: string;
  reference: string;
  status: string;
  lines: { id: string; productId: string; productName: string; quantity: number; outstanding: number; receivedQuantity: number }[];
}

test("suppliers and purchase orders: list, filter by status, approve a draft, receive part of an order as a lot", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const suppliers = await query<{ id: string; name: string }[]>(api, "suppliers.list", {});
    expect(suppliers.length, "the demo seeds two suppliers per producer").toBeGreaterThanOrEqual(2);
    const wholesaler = await query<Supplier>(api, "suppliers.get", { supplierId: suppliers.find((s) => s.name.includes("Wholesale"))?.id });
    // A draft to approve: the preferred product's order awaiting approval (drafting again returns it).
    const preferred = wholesaler.products.find((p) => p.isPreferred)?.productId;
    const { purchaseOrderId: draftId } = await mutate<{ purchaseOrderId: string }>(api, "purchaseOrders.draft", { productId: preferred });
    // An approved order with at least 2 units still due on a line (the demo's; earlier runs may have taken some).
    let toReceive: Po | undefined;
    for (const row of await query<PoRow[]>(api, "purchaseOrders.list", {})) {
      if (row.status !== "APPROVED" && row.status !== "PARTIALLY_RECEIVED") continue;
      const candidate = await query<Po>(api, "purchaseOrders.get", { purchaseOrderId: row.id });
      if (candidate.lines.some((l) => l.outstanding >= 2)) toReceive = candidate;
    }
    expect(toReceive, "the demo has an approved order with units due").toBeDefined();

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Suppliers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Suppliers" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Suppliers" }).locator("tbody tr")).toHaveCount(suppliers.length);
    await capturePage(page, "admin-suppliers", { phoneScreens: 3 });

    await page.getByRole("link", { name: wholesaler.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: wholesaler.name })).toBeVisible();
    await expect(page.getByRole("region", { name: "Products" }).locator("tbody tr")).toHaveCount(wholesaler.products.length);
    await capturePage(page, "admin-supplier", { phoneScreens: 3 });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Purchasing" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Purchase orders" })).toBeVisible();
    await page.getByLabel("Status").selectOption("PENDING_APPROVAL");
    await expect(page).toHaveURL(/[?&]status=PENDING_APPROVAL/);
    const pending = await query<PoRow[]>(api, "purchaseOrders.list", { status: "PENDING_APPROVAL" });
    await expect(page.getByRole("region", { name: "Purchase orders" }).locator("tbody tr")).toHaveCount(pending.length);
    await page.getByLabel("Status").selectOption("");
    await capturePage(page, "admin-purchase-orders", { phoneScreens: 2 });

    // Approve the draft: it is sent to the supplier by email.
    const draft = await query<Po>(api, "purchaseOrders.get", { purchaseOrderId: draftId });
    await page.goto(`/admin/purchase-orders/${draftId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(draft.reference);
    await page.getByRole("button", { name: /Approve and send/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Approved");
    expect((await query<Po>(api, "purchaseOrders.get", { purchaseOrderId: draftId })).status).toBe("APPROVED");

    // Receive two units of an approved order as a lot.
    const before = await query<Po>(api, "purchaseOrders.get", { purchaseOrderId: toReceive?.id });
    const line = before.lines.find((l) => l.outstanding >= 2);
    await page.goto(`/admin/purchase-orders/${before.id}`);
    const lines = page.getByRole("region", { name: "Lines" });
    await expect(lines.locator("tbody tr")).toHaveCount(before.lines.length);
    const form = page.getByRole("form", { name: "Receive against this order" });
    await form.getByLabel("Product").selectOption(line?.id as string);
    await form.getByLabel("Into location").selectOption({ label: "Main dispensary" });
    const lotNumber = `E2E-PO-${Date.now().toString(36).toUpperCase()}`;
    await form.getByLabel("Lot number").fill(lotNumber);
    await form.getByLabel("Expiry date").fill("2030-01-31");
    await form.getByLabel("Quantity").fill("2");
    await form.getByRole("button", { name: "Receive" }).click();
    // (When that completes the order, it closes and the form goes away: the receipts list is the proof.)
    await expect(page.getByRole("region", { name: "Receipts" })).toContainText(
      `2 × ${line?.productName}, lot ${lotNumber} (use by 2030-01-31) into Main dispensary`,
    );
    const after = await query<Po>(api, "purchaseOrders.get", { purchaseOrderId: before.id });
    expect(after.lines.find((l) => l.id === line?.id)?.receivedQuantity).toBe((line?.receivedQuantity ?? 0) + 2);
    await capturePage(page, "admin-purchase-order", { phoneScreens: 4 });

    // The units still due show as incoming in the inventory list.
    const sku = /\(([^)]+)\)$/.exec((await lines.locator("tbody tr").first().locator("td").first().textContent()) ?? "")?.[1] as string;
    // Every approved order's units still due for the product (this order's and any other's).
    const { incoming } = await query<{ incoming: number }>(api, "reports.product", { productId: line?.productId });
    expect(incoming).toBeGreaterThanOrEqual(after.lines.find((l) => l.id === line?.id)?.outstanding ?? 0);
    await page.goto(`/admin/inventory?search=${encodeURIComponent(sku)}`);
    const row = page.locator("tbody tr").filter({ hasText: sku });
    // A row's product is its <th scope="row">: count th and td alike.
    await expect(row.locator("th, td").nth(await columnIndex(page, "Incoming"))).toHaveText(String(incoming));
    await capturePage(page, "admin-inventory-incoming", { phoneScreens: 1, fullPage: false });

    // Analytics: each restock recommendation offers a purchase order.
    await page.goto("/admin/analytics");
    const restock = page.getByRole("region", { name: "Restock recommendations" });
    if ((await restock.locator("tbody tr").count()) > 0)
      await expect(restock.getByRole("button", { name: /Draft a purchase order for/ }).first()).toBeVisible();
    await restock.screenshot({ path: "e2e/screenshots/admin-restock-draft-po-desktop.png" });
  } finally {
    await api.dispose();
  }
});

/** Where a column sits in the page's table (cells of a row follow the headers). */
async function columnIndex(page: Page, header: string): Promise<number> {
  // The inventory's virtualized table is grid-laid: read its th/td cells, not table roles.
  await expect(page.locator("thead th").first()).toBeVisible();
  const headers = await page.locator("thead th").allTextContents();
  const index = headers.findIndex((h) => h.trim().toLowerCase().startsWith(header.toLowerCase()));
  expect(index, `a column named ${header}`).toBeGreaterThanOrEqual(0);
  return index;
}
