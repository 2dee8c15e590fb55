import { captureScreens } from "./support/screenshots.ts";
import { productCard } from "./support/shop.ts";
import { ApiCart, ensureAvailable, findProduct } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk } from "./support/trpc-http.ts";

const PRODUCT = "Chesty cough syrup 150ml";

test("catalog availability follows other shoppers' holds without a reload", async ({ page, request, baseURL }) => {
  const product = await findProduct(request, PRODUCT);
  const available = await ensureAvailable(request, baseURL ?? "", product, 6);
  // Another shopper holds all but 3 units.
  const other = new ApiCart(request);
  expectOk(await other.reserve([{ productId: product.id, quantity: available - 3 }]));
  try {
    // Searched for: sold out, it would move behind the available products (and off the first page).
    await page.goto(`/?search=${encodeURIComponent(PRODUCT)}`);
    const card = productCard(page, PRODUCT);
    await expect(card).toContainText("Only 3 left");
    await captureScreens(page, "storefront-catalog-availability", { fullPage: true });
    await page.evaluate(() => {
      (window as { sameDocument?: boolean }).sameDocument = true;
    });

    // They take the rest: the page polls and shows it, with no reload.
    expectOk(await other.reserve([{ productId: product.id, quantity: available }]));
    await expect(card).toContainText("Out of stock");
    await expect(card.getByRole("button", { name: `Add ${PRODUCT} to cart` })).toBeDisabled();

    // They let go: the units are back.
    await other.releaseAll();
    await expect(card).toContainText(available > 5 ? "In stock" : `Only ${available} left`);
    await expect(card.getByRole("button", { name: `Add ${PRODUCT} to cart` })).toBeEnabled();
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  } finally {
    await other.releaseAll();
  }
});
