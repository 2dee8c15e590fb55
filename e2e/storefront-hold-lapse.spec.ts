import { captureScreens } from "./support/screenshots.ts";
import { SHORT_HOLD_TTL_SECONDS, SHORT_TTL_URL } from "./support/servers.ts";
import { addToCart, cartLine, countdownSeconds } from "./support/shop.ts";
import { ApiCart, availableNow, ensureAvailable, findProduct } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcOutcomeOf, waitForTrpcResponse } from "./support/trpc-http.ts";

// This server's holds last SHORT_HOLD_TTL_SECONDS (HOLD_TTL_SECONDS), so a hold lapses within the test.
test.use({ baseURL: SHORT_TTL_URL });

const PRODUCT = "Paracetamol 500mg x16";

test("a hold lapses: the page says so, the units are free again, and holding again works", async ({ page, request }) => {
  test.setTimeout(60_000);
  const product = await findProduct(request, PRODUCT);
  const available = await ensureAvailable(request, SHORT_TTL_URL, product, 2);
  await addToCart(page, PRODUCT);
  await page.goto("/cart");

  const held = waitForTrpcResponse(page, "cart.reserve");
  await page.getByRole("button", { name: "Proceed to checkout" }).click();
  expectOk(await trpcOutcomeOf(await held, "cart.reserve"));
  await expect(page.getByRole("timer")).toBeVisible();
  expect(await countdownSeconds(page)).toBeLessThanOrEqual(SHORT_HOLD_TTL_SECONDS);
  expect(await availableNow(request, product.id)).toBe(available - 1);

  // The TTL is the subject here: wait for the page to say the hold lapsed (no fixed sleep).
  await expect(page.getByText("Your hold lapsed")).toBeVisible({ timeout: (SHORT_HOLD_TTL_SECONDS + 5) * 1000 });
  await expect(page.getByRole("timer")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await captureScreens(page, "storefront-hold-lapsed");

  // The unit is free again: another shopper can hold everything.
  expect(await availableNow(request, product.id)).toBe(available);
  const other = new ApiCart(request);
  try {
    expectOk(await other.reserve([{ productId: product.id, quantity: available }]));

    // Holding again now reports what is no longer there…
    const refused = waitForTrpcResponse(page, "cart.reserve");
    await page.getByRole("button", { name: "Hold again" }).click();
    const outcome = await trpcOutcomeOf(await refused, "cart.reserve");
    expect(outcome.ok).toBe(false);
    await expect(page.getByRole("alert")).toContainText("Not enough stock for one line: requested 1, available 0.");
    await expect(cartLine(page, PRODUCT)).toContainText("Sold out: 0 available now (you asked for 1).");
    await expect(page.getByRole("button", { name: "Hold again" })).toBeVisible();

    // …and succeeds once the units are back.
    await other.releaseAll();
    const again = waitForTrpcResponse(page, "cart.reserve");
    await page.getByRole("button", { name: "Hold again" }).click();
    expectOk(await trpcOutcomeOf(await again, "cart.reserve"));
    await expect(page.getByRole("timer")).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(cartLine(page, PRODUCT)).not.toContainText("Sold out");
    await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();
  } finally {
    await other.releaseAll();
  }
});
