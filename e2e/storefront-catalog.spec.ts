import type { Page } from "@playwright/test";
import { GREENLEAF_PRODUCT, HARVEST_PRODUCT, PRODUCERS, PRODUCTS_PER_PRODUCER } from "./support/demo.ts";
import { captureScreens } from "./support/screenshots.ts";
import { expect, test } from "./support/test.ts";

const PAGE_SIZE = 12;
const TOTAL = PRODUCTS_PER_PRODUCER * 2;

function cards(page: Page) {
  return page.locator("article.product-card");
}

test("the catalog lists products from both producers, with pages", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Stockroom/);
  await expect(page.getByRole("banner")).toContainText("Stockroom");
  await expect(page.getByRole("heading", { name: "All products" })).toBeVisible();
  await expect(page.getByText(`${TOTAL} products`)).toBeVisible();
  await expect(cards(page)).toHaveCount(PAGE_SIZE);
  await expect(page.getByText(`Page 1 of ${Math.ceil(TOTAL / PAGE_SIZE)}`)).toBeVisible();
  await captureScreens(page, "storefront-catalog");
  await captureScreens(page, "storefront-catalog-full", { fullPage: true });

  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByText(`Page 2 of ${Math.ceil(TOTAL / PAGE_SIZE)}`)).toBeVisible();
  await expect(cards(page)).toHaveCount(PAGE_SIZE);
});

test("search is kept in the URL across a reload", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill("milk");
  await expect(page).toHaveURL(/[?&]search=milk/);

  const milk = cards(page).filter({ hasText: HARVEST_PRODUCT.name });
  await expect(milk).toContainText(PRODUCERS.harvest);
  await expect(milk).toContainText(HARVEST_PRODUCT.category);
  await expect(milk).toContainText(HARVEST_PRODUCT.price);
  await expect(cards(page).filter({ hasText: "Oat milk 1L" })).toHaveCount(1);
  await expect(cards(page)).toHaveCount(2);

  await page.reload();
  await expect(search).toHaveValue("milk");
  await expect(cards(page)).toHaveCount(2);
  await captureScreens(page, "storefront-search");

  await search.fill("no such product");
  await expect(page.getByRole("heading", { name: "No products found" })).toBeVisible();
  await captureScreens(page, "storefront-empty");
});

test("the category filter narrows the catalog and is kept in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Category").selectOption(GREENLEAF_PRODUCT.category);

  await expect(page).toHaveURL(/[?&]category=Pain(\+|%20)relief/);
  await expect(page.getByRole("heading", { name: GREENLEAF_PRODUCT.category })).toBeVisible();
  await expect(cards(page)).toHaveCount(4);
  for (const card of await cards(page).all()) {
    await expect(card).toContainText(GREENLEAF_PRODUCT.category);
    await expect(card).toContainText(PRODUCERS.greenleaf);
  }
  await expect(cards(page).filter({ hasText: GREENLEAF_PRODUCT.name })).toContainText(GREENLEAF_PRODUCT.price);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  await captureScreens(page, "storefront-category");

  await page.reload();
  await expect(page.getByLabel("Category")).toHaveValue(GREENLEAF_PRODUCT.category);
  await expect(cards(page)).toHaveCount(4);
});

test("a failing request shows the server's message and can be retried", async ({ page }) => {
  // The one test that fakes the server: catalog.list fails (a tRPC error shaped as the server formats it) until
  // the server "recovers". The app retries a 5xx once by itself before showing the error.
  let isFailing = true;
  await page.route("**/trpc/catalog.list**", async (route) => {
    if (!isFailing) return route.continue();
    const data = { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, domainCode: null, fields: null, details: null, requestId: "req-e2e-1" };
    const message = "Something went wrong on our side. Please try again.";
    const error = { error: { message, code: -32603, data: { ...data, userMessage: message } } };
    // The storefront sends catalog.list unbatched (its httpLink); a batch's answer would be an array.
    const isBatch = new URL(route.request().url()).searchParams.has("batch");
    await route.fulfill({ status: 500, contentType: "application/json", json: isBatch ? [error] : error });
  });

  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Something went wrong on our side. Please try again.");
  await expect(alert).toContainText("Reference: req-e2e-1");
  await captureScreens(page, "storefront-error");

  isFailing = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(cards(page)).toHaveCount(PAGE_SIZE);
});
