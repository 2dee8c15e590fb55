import type { Page } from "@playwright/test";
import { signInToAdmin } from "./support/admin.ts";
import { inventoryRow, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

const PRODUCT = "Vitamin D3 25µg x90";

async function openProduct(page: Page, baseURL: string | undefined, email: string) {
  const api = await staffApi(String(baseURL), email);
  try {
    const product = await inventoryRow(api, PRODUCT);
    await page.goto(`/admin/inventory/${product.id}`);
    await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
  } finally {
    await api.dispose();
  }
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("producer staff see no costs, margins, valuation or settings, and adjust with a listed reason", async ({ page, baseURL }) => {
  await signInToAdmin(page, LOGINS.greenleafStaff.email);
  await expect(nav(page).getByRole("link", { name: "Inventory" })).toBeVisible();
  // Staff's settings are the locations list only: no staff, alerts, audit log or producers.
  await nav(page).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("link", { name: /^Locations\b/ })).toBeVisible();
  await expect(page.getByText("Stock value")).toHaveCount(0);

  await nav(page).getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("columnheader", { name: "Available" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Value" })).toHaveCount(0);

  await openProduct(page, baseURL, LOGINS.greenleafStaff.email);
  await expect(page.getByText(/^cost £/)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Lots" }).getByRole("columnheader", { name: "Unit cost" })).toHaveCount(0);
  const tabs = page.getByRole("tablist", { name: "Stock actions" }).getByRole("tab");
  await expect(tabs).toHaveText(["Receive", "Adjust", "Move"]);
  await expect(page.getByRole("form", { name: "Receive stock" }).getByLabel("Unit cost (£)")).toHaveCount(0);
  await tabs.filter({ hasText: "Adjust" }).click();
  const reason = page.getByRole("form", { name: "Adjust stock" }).getByLabel("Reason");
  await expect(reason.locator("option")).toHaveText(["Choose a reason", "Count correction", "Found stock", "Customer return", "Receiving error"]);
  await capturePage(page, "admin-product-staff");

  await nav(page).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Stock movement" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Restock recommendations" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Valuation" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Profitability" })).toHaveCount(0);
  await capturePage(page, "admin-analytics-staff", { phoneScreens: 1 });

  // Typing the address of a page the role lacks: the server refuses, and the page says why.
  await page.goto("/admin/notifications");
  await expect(page.getByText("Your role does not allow this.")).toBeVisible();
});

test("a viewer sees stock and values but can change nothing", async ({ page, baseURL }) => {
  await signInToAdmin(page, LOGINS.greenleafViewer.email);
  await expect(page.locator(".account-role")).toHaveText(LOGINS.greenleafViewer.role);
  await expect(page.getByText("Stock value")).toBeVisible();

  await openProduct(page, baseURL, LOGINS.greenleafViewer.email);
  await expect(page.getByRole("region", { name: "Lots" }).getByRole("columnheader", { name: "Unit cost" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Lots" }).getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("tablist", { name: "Stock actions" })).toHaveCount(0);
  await capturePage(page, "admin-product-viewer");

  const api = await staffApi(String(baseURL), LOGINS.greenleafViewer.email);
  try {
    const {
      orders: [order],
    } = await query<{ orders: { id: string; status: string }[] }>(api, "orders.list", { status: "PENDING" });
    if (!order) throw new Error("the demo has no pending order");
    await page.goto(`/admin/orders/${order.id}`);
    await expect(page.getByRole("heading", { level: 1, name: /^Order [A-Z0-9]+-\d+$/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Confirm|Cancel order|Dispatch/ })).toHaveCount(0);
  } finally {
    await api.dispose();
  }
});
