import type { Page } from "@playwright/test";
import { signInToAdmin } from "./support/admin.ts";
import { type InventoryRow, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

interface InventoryPage {
  total: number;
  items: InventoryRow[];
}

function inventoryRows(page: Page) {
  return page.getByRole("table", { name: "Inventory" }).locator("tbody tr");
}

async function openInventory(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();
}

test("search, filters and pagination live in the URL and survive a reload", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.platformAdmin.email);
  try {
    await signInToAdmin(page, LOGINS.platformAdmin.email);
    await openInventory(page);

    // Pagination: 25 rows a page across both producers.
    const all = await query<InventoryPage>(api, "reports.inventory", { pageSize: 25, page: 2 });
    expect(all.total, "more than one page of products").toBeGreaterThan(25);
    await page.getByLabel("Rows per page").first().selectOption("25");
    await expect(page).toHaveURL(/[?&]pageSize=25/);
    await page.getByRole("navigation", { name: "Pages", exact: true }).getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    // "Next" continues from the last row shown (a keyset cursor in the URL), the same rows as page 2.
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(page.getByText(`26–${Math.min(50, all.total)} of ${all.total}`).first()).toBeVisible();
    await expect(inventoryRows(page).first()).toContainText(all.items[0]?.name ?? "?");
    await page.reload();
    await expect(page.getByText(`26–${Math.min(50, all.total)} of ${all.total}`).first()).toBeVisible();
    await expect(inventoryRows(page).first()).toContainText(all.items[0]?.name ?? "?");

    // Search (debounced) and a status filter start again at page 1, and stay in the URL.
    const search = page.getByRole("searchbox", { name: "Search inventory" });
    await search.fill("in");
    await expect(page).toHaveURL(/[?&]search=in(&|$)/);
    await expect(page).not.toHaveURL(/[?&]page=/);
    await page.getByLabel("Status").selectOption({ label: "In stock" });
    await expect(page).toHaveURL(/[?&]status=in_stock/);
    const expected = await query<InventoryPage>(api, "reports.inventory", { search: "in", status: "in_stock", pageSize: 25 });
    expect(expected.total, "some in-stock products match 'in'").toBeGreaterThan(0);
    await expect(page.getByText(`1–${Math.min(25, expected.total)} of ${expected.total}`).first()).toBeVisible();
    await expect(inventoryRows(page).first()).toContainText(expected.items[0]?.name ?? "?");

    // Category narrows further; sorting by available, descending.
    const category = expected.items[0]?.category ?? "";
    await page.getByLabel("Category").selectOption(category);
    const availableHeader = page.getByRole("columnheader", { name: /^Available/ });
    await page.getByRole("button", { name: /^Available/ }).click();
    await expect(availableHeader).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("button", { name: /^Available/ }).click();
    await expect(availableHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/[?&]sort=available/);
    await expect(page).toHaveURL(/[?&]direction=desc/);
    const narrowed = await query<InventoryPage>(api, "reports.inventory", {
      search: "in",
      status: "in_stock",
      category,
      sort: "available",
      direction: "desc",
      pageSize: 25,
    });
    await expect(page.getByText(`1–${narrowed.total} of ${narrowed.total}`).first()).toBeVisible();
    await expect(inventoryRows(page)).toHaveCount(narrowed.items.length);
    await expect(inventoryRows(page).first()).toContainText(narrowed.items[0]?.name ?? "?");

    await page.reload();
    await expect(search).toHaveValue("in");
    await expect(page.getByLabel("Status")).toHaveValue("in_stock");
    await expect(page.getByLabel("Category")).toHaveValue(category);
    await expect(availableHeader).toHaveAttribute("aria-sort", "descending");
    await expect(inventoryRows(page)).toHaveCount(narrowed.items.length);
    await expect(inventoryRows(page).first()).toContainText(narrowed.items[0]?.name ?? "?");
    await capturePage(page, "admin-inventory-filtered", { phoneScreens: 2 });
  } finally {
    await api.dispose();
  }
});

test("a location filter lists only stock held there", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const locations = await query<{ id: string; name: string; isSellable: boolean }[]>(api, "locations.list", {});
    const backStore = locations.find((location) => !location.isSellable);
    if (!backStore) throw new Error("Greenleaf has no back store");
    const expected = await query<InventoryPage>(api, "reports.inventory", { locationId: backStore.id, status: "in_stock", pageSize: 200 });

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    // Tall enough that every matching row is drawn (the list draws only the rows in view).
    await page.setViewportSize({ width: 1280, height: 200 + 46 * (expected.items.length + 4) });
    await openInventory(page);
    await page.getByLabel("Location").selectOption({ label: `${backStore.name} (not sellable)` });
    await page.getByLabel("Status").selectOption({ label: "In stock" });
    await expect(page).toHaveURL(new RegExp(`[?&]locationId=${backStore.id}`));
    await expect(inventoryRows(page)).toHaveCount(expected.items.length);
    for (const item of expected.items) await expect(inventoryRows(page).filter({ hasText: item.name })).toContainText(String(item.onHand));
  } finally {
    await api.dispose();
  }
});

test("a long page draws only the rows in view, and scrolling brings the rest", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.platformAdmin.email);
  try {
    const all = await query<InventoryPage>(api, "reports.inventory", { pageSize: 200 });
    expect(all.items.length).toBeGreaterThan(40);
    await signInToAdmin(page, LOGINS.platformAdmin.email);
    await openInventory(page);
    await expect(page.getByText(`1–${all.items.length} of ${all.total}`).first()).toBeVisible();
    await expect(inventoryRows(page).first()).toContainText(all.items[0]?.name ?? "?");
    await capturePage(page, "admin-inventory", { phoneScreens: 2, fullPage: false });

    const drawn = await inventoryRows(page).count();
    expect(drawn, "virtualized: fewer rows in the DOM than on the page").toBeLessThan(all.items.length);
    // The table still announces every row.
    await expect(page.getByRole("table", { name: "Inventory" })).toHaveAttribute("aria-rowcount", String(all.items.length + 1));

    const last = all.items.at(-1)?.name ?? "?";
    await expect(inventoryRows(page).filter({ hasText: last })).toHaveCount(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(inventoryRows(page).filter({ hasText: last })).toHaveCount(1);
    await expect(inventoryRows(page).filter({ hasText: all.items[0]?.name ?? "?" })).toHaveCount(0);
  } finally {
    await api.dispose();
  }
});

test("while the next rows load, the current ones stay and the search box keeps its text", async ({ page }) => {
  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await openInventory(page);
  const results = page.getByRole("region", { name: "Inventory results" });
  await expect(inventoryRows(page).first()).toBeVisible();
  const firstBefore = (await inventoryRows(page).first().textContent()) ?? "";

  // Hold the server's answer to the search until the page has been looked at.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let markRequested: () => void = () => {};
  const requested = new Promise<void>((resolve) => {
    markRequested = resolve;
  });
  await page.route(
    (url) => url.pathname.startsWith("/trpc/") && url.pathname.includes("reports.inventory"),
    async (route) => {
      markRequested();
      await held;
      await route.continue();
    },
  );

  const search = page.getByRole("searchbox", { name: "Search inventory" });
  await search.fill("vitamin");
  await requested;
  await expect(results).toHaveAttribute("aria-busy", "true");
  await expect(inventoryRows(page).first()).toHaveText(firstBefore);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("vitamin");
  await expect(page.getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);

  release();
  await expect(results).toHaveAttribute("aria-busy", "false");
  await expect(inventoryRows(page)).toHaveCount(3);
  for (const name of await inventoryRows(page).locator(".cell-title").allTextContents()) expect(name).toMatch(/vitamin/i);
  await page.unrouteAll({ behavior: "wait" });
});
