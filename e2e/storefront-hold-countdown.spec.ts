import type { Locator, Page, Response } from "@playwright/test";
import { captureScreens } from "./support/screenshots.ts";
import { addToCart, cartLine, countdownSeconds } from "./support/shop.ts";
import { ensureAvailable, findProduct, type ReserveResult } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcInputOf, trpcOutcomeOf, waitForTrpcResponse } from "./support/trpc-http.ts";

const PRODUCT = "Vitamin C 1000mg x60";
const EXTRA = "Crepe bandage 7.5cm";

async function reserved(response: Response): Promise<ReserveResult> {
  return expectOk(await trpcOutcomeOf<ReserveResult>(response, "cart.reserve"));
}

/** The countdown on screen agrees with the server's expiresAt to within a second. */
async function expectCountdownMatches(page: Page, expiresAt: string): Promise<number> {
  const before = Date.now();
  const shown = await countdownSeconds(page);
  const after = Date.now();
  const expected = (Date.parse(expiresAt) - (before + after) / 2) / 1000;
  expect(Math.abs(shown - expected), `shown ${shown}s, server's expiresAt is ${expected.toFixed(2)}s away`).toBeLessThanOrEqual(1);
  return shown;
}

/** A locator's box once it is laid out (a re-render can detach it for a moment under load). */
type Box = NonNullable<Awaited<ReturnType<Locator["boundingBox"]>>>;
async function boxOf(locator: Locator): Promise<Box> {
  const boxes: Box[] = [];
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      if (box) boxes.push(box);
      return box !== null;
    })
    .toBe(true);
  return boxes.at(-1) as Box;
}

test("checkout holds the cart and counts down to the server's expiresAt", async ({ page, request, baseURL }) => {
  const product = await findProduct(request, PRODUCT);
  await ensureAvailable(request, baseURL ?? "", product, 3);
  await addToCart(page, PRODUCT);
  await page.goto("/cart");

  const first = waitForTrpcResponse(page, "cart.reserve");
  await page.getByRole("button", { name: "Proceed to checkout" }).click();
  const firstResponse = await first;
  expect(firstResponse.request().headers()["x-cart-token"]).toMatch(/^[A-Za-z0-9_-]{20,128}$/);
  expect(trpcInputOf(firstResponse, "cart.reserve")).toEqual({ lines: [{ productId: product.id, quantity: 1 }] });
  const hold = await reserved(firstResponse);
  expect(hold.holds).toEqual([expect.objectContaining({ productId: product.id, quantity: 1 })]);

  await expect(page).toHaveURL(/\/checkout$/);
  const timer = page.getByRole("timer");
  await expect(timer).toHaveText(/^Reserved for \d\d:\d\d$/);
  const shown = await expectCountdownMatches(page, hold.expiresAt);
  expect(shown).toBeGreaterThan(0);

  // It ticks down, every second, without moving anything on the page.
  const banner = page.getByRole("region", { name: "Reservation" });
  const boxBefore = await boxOf(banner);
  const timerBefore = await boxOf(timer);
  await expect.poll(() => countdownSeconds(page)).toBeLessThan(shown);
  await expectCountdownMatches(page, hold.expiresAt);
  expect(await boxOf(banner)).toEqual(boxBefore);
  expect((await boxOf(timer)).width).toBe(timerBefore.width);
  await captureScreens(page, "storefront-checkout");

  // "Keep my items" holds again: the countdown follows the new expiresAt.
  const kept = waitForTrpcResponse(page, "cart.reserve");
  await page.getByRole("button", { name: "Keep my items" }).click();
  const keptHold = await reserved(await kept);
  expect(Date.parse(keptHold.expiresAt)).toBeGreaterThanOrEqual(Date.parse(hold.expiresAt));
  await expectCountdownMatches(page, keptHold.expiresAt);

  // A new quantity re-holds every line.
  const line = cartLine(page, PRODUCT);
  const changed = waitForTrpcResponse(page, "cart.reserve");
  await line.getByRole("button", { name: `One more ${PRODUCT}` }).click();
  const changedResponse = await changed;
  expect(trpcInputOf(changedResponse, "cart.reserve")).toEqual({ lines: [{ productId: product.id, quantity: 2 }] });
  const changedHold = await reserved(changedResponse);
  expect(changedHold.holds).toEqual([expect.objectContaining({ productId: product.id, quantity: 2 })]);
  await expect(line.getByLabel(`Quantity of ${PRODUCT}`)).toHaveValue("2");
  await expectCountdownMatches(page, changedHold.expiresAt);

  // The hold survives a reload (the SPA keeps the server's expiresAt).
  await page.reload();
  await expect(page.getByRole("timer")).toBeVisible();
  await expectCountdownMatches(page, changedHold.expiresAt);
  await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();

  // A product added in the catalog after the hold is not covered until the hold is renewed.
  await addToCart(page, EXTRA);
  await page.goto("/checkout");
  await expect(banner).toContainText(`Not reserved yet: ${EXTRA}.`);
  const extra = await findProduct(request, EXTRA);
  const renewed = waitForTrpcResponse(page, "cart.reserve");
  await page.getByRole("button", { name: "Keep my items" }).click();
  const renewedResponse = await renewed;
  expect(trpcInputOf(renewedResponse, "cart.reserve")).toEqual({
    lines: [
      { productId: product.id, quantity: 2 },
      { productId: extra.id, quantity: 1 },
    ],
  });
  const renewedHold = await reserved(renewedResponse);
  await expect(banner).toContainText("Your items are set aside");

  // Removing a line releases that line's hold; the other stays held.
  const released = waitForTrpcResponse(page, "cart.release");
  await line.getByRole("button", { name: `Remove ${PRODUCT}` }).click();
  const releasedHold = renewedHold.holds.find((h) => h.productId === product.id);
  expect(trpcInputOf(await released, "cart.release")).toEqual({ holdId: releasedHold?.holdId });
  await expect(line).toHaveCount(0);
  await expect(page.getByRole("timer")).toBeVisible();
  await cartLine(page, EXTRA)
    .getByRole("button", { name: `Remove ${EXTRA}` })
    .click();
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
});
