import { captureScreens } from "./support/screenshots.ts";
import { addToCart, cartLine, storedCart } from "./support/shop.ts";
import { expect, test } from "./support/test.ts";
import { waitForTrpcResponse } from "./support/trpc-http.ts";

const OMEGA = { name: "Omega-3 fish oil x60", price: "£10.99" };
const SOURDOUGH = { name: "Sourdough loaf", price: "£3.99" };

test("a guest cart: add, change quantity, remove, and it survives a reload with its token", async ({ page }) => {
  await addToCart(page, OMEGA.name);
  await addToCart(page, SOURDOUGH.name);
  const cartLink = page.getByRole("link", { name: /^Cart, / });
  await expect(cartLink).toHaveAccessibleName("Cart, 2 items");

  // The token: random, URL-safe, 20-128 characters, sent with every call.
  const { token } = await storedCart(page);
  expect(token).toMatch(/^[A-Za-z0-9_-]{20,128}$/);
  const availability = waitForTrpcResponse(page, "cart.availability");
  await cartLink.click();
  await expect(page).toHaveURL(/\/cart$/);
  expect((await availability).request().headers()["x-cart-token"]).toBe(token);

  const omega = cartLine(page, OMEGA.name);
  await expect(omega).toContainText(`${OMEGA.price} each`);
  await omega.getByRole("button", { name: `One more ${OMEGA.name}` }).click();
  await expect(omega.getByLabel(`Quantity of ${OMEGA.name}`)).toHaveValue("2");
  await expect(omega).toContainText("£21.98");
  await omega.getByLabel(`Quantity of ${OMEGA.name}`).fill("3");
  await omega.getByLabel(`Quantity of ${OMEGA.name}`).press("Enter");
  await expect(omega).toContainText("£32.97");
  const summary = page.getByRole("complementary", { name: "Order summary" });
  await expect(summary).toContainText("£36.96");
  await expect(cartLink).toHaveAccessibleName("Cart, 4 items");
  await captureScreens(page, "storefront-cart");

  await cartLine(page, SOURDOUGH.name)
    .getByRole("button", { name: `Remove ${SOURDOUGH.name}` })
    .click();
  await expect(cartLine(page, SOURDOUGH.name)).toHaveCount(0);
  await expect(summary).toContainText("£32.97");

  await page.reload();
  await expect(cartLine(page, OMEGA.name).getByLabel(`Quantity of ${OMEGA.name}`)).toHaveValue("3");
  await expect(cartLine(page, SOURDOUGH.name)).toHaveCount(0);
  expect((await storedCart(page)).token).toBe(token);

  await cartLine(page, OMEGA.name)
    .getByRole("button", { name: `Remove ${OMEGA.name}` })
    .click();
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
  await expect(cartLink).toHaveAccessibleName("Cart, 0 items");
});
