import { PRODUCERS } from "./support/demo.ts";
import { captureScreens } from "./support/screenshots.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcQuery } from "./support/trpc-http.ts";

interface ShopItem {
  id: string;
  slug: string;
  name: string;
  producerName: string;
  available: number | null;
  maxPerOrder: number;
}
interface ProductPage {
  available: number | null;
  earliestUseBy: string | null;
}

test("a product page from the producer-filtered catalog: stock, use-by, and adding more than is available is capped", async ({ page, request }) => {
  // A Harvest product that tracks stock, has a few units and a use-by date: the page shows all three.
  const listed = expectOk(await trpcQuery<{ items: ShopItem[] }>(request, "catalog.list", { producer: "harvest", hideSoldOut: true, pageSize: 100 }));
  expect(listed.items.length).toBeGreaterThan(0);
  expect(new Set(listed.items.map((item) => item.producerName))).toEqual(new Set([PRODUCERS.harvest]));
  const candidates = listed.items.filter((item) => item.available !== null && item.available > 0 && item.available < item.maxPerOrder);
  const details = await Promise.all(
    candidates.map(async (item) => ({ item, page: expectOk(await trpcQuery<ProductPage>(request, "catalog.product", { slug: item.slug })) })),
  );
  const chosen = details.sort((a, b) => Number(b.page.earliestUseBy !== null) - Number(a.page.earliestUseBy !== null))[0];
  if (!chosen) throw new Error("no Harvest product with a few units in the demo");
  const { item } = chosen;
  const available = item.available as number;

  await page.goto("/?producer=harvest");
  await expect(page.getByText(`from ${PRODUCERS.harvest}`)).toBeVisible();
  await expect(page.getByLabel("Producer")).toHaveValue("harvest");
  const cards = page.locator("article.product-card");
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasText: PRODUCERS.greenleaf })).toHaveCount(0);
  await captureScreens(page, "storefront-catalog-producer");

  await page.getByLabel("Search products").fill(item.name);
  await page.getByRole("link", { name: item.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${item.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: item.name })).toBeVisible();
  await expect(page.getByText(`by ${PRODUCERS.harvest}`)).toBeVisible();
  await expect(page.locator(".product-stock .availability")).toHaveText(available > 5 ? "In stock" : `Only ${available} left`);
  if (chosen.page.earliestUseBy) await expect(page.locator(`time[datetime="${chosen.page.earliestUseBy}"]`)).toBeVisible();

  await page.getByLabel("Quantity").fill(String(available + 5));
  await page.getByRole("button", { name: `Add ${item.name} to cart` }).click();
  await expect(page.getByRole("status")).toHaveText(`Only ${available} available — your cart has all of them.`);
  await expect(page.getByText(`${available} in cart`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Add ${item.name} to cart` })).toBeDisabled();
  await captureScreens(page, "storefront-product");

  // The cart keeps the cap: the line holds them all, "+" is off, and the note says why.
  await page.goto("/cart");
  const line = page.locator(".cart-line").filter({ hasText: item.name });
  await expect(line.getByLabel(`Quantity of ${item.name}`)).toHaveValue(String(available));
  await expect(line.getByRole("button", { name: `One more ${item.name}` })).toBeDisabled();
  await expect(line).toContainText(`Only ${available} available — your cart has all of them.`);
});

test("sort and hide-sold-out are kept in the URL; an unknown product is the shop's not-found page", async ({ page }) => {
  await page.goto("/?producer=greenleaf&sort=price-desc");
  await expect(page.getByLabel("Sort by")).toHaveValue("price-desc");
  const prices = await page.locator("article.product-card .product-price").allTextContents();
  const cents = prices.map((text) => Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100));
  const inStockFirst = [...cents];
  expect(cents.length).toBeGreaterThan(1);
  // The box follows the URL, which changes once the click has navigated: click, then wait for both.
  await page.getByLabel("Hide sold out").click();
  await expect(page).toHaveURL(/[?&]hideSoldOut=true/);
  await expect(page.getByLabel("Hide sold out")).toBeChecked();
  await expect(page.locator("article.product-card .availability-out")).toHaveCount(0);
  const inStock = await page.locator("article.product-card .product-price").allTextContents();
  const inStockCents = inStock.map((text) => Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100));
  expect(inStockCents).toEqual([...inStockCents].sort((a, b) => b - a));
  expect(inStockFirst.slice(0, inStockCents.length)).toEqual(inStockCents);

  await page.goto("/products/no-such-product");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
