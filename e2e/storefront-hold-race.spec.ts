import { captureScreens } from "./support/screenshots.ts";
import { addToCart, cartLine, openShopper } from "./support/shop.ts";
import { ApiCart, availableNow, ensureAvailable, findProduct } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcOutcomeOf, waitForTrpcResponse } from "./support/trpc-http.ts";

const PRODUCT = "Honey lemon lozenges x20";

test("two shoppers race for the last unit: one holds it, the other is told what is left", async ({ browser, request, baseURL }) => {
  const product = await findProduct(request, PRODUCT);
  const available = await ensureAvailable(request, baseURL ?? "", product, 2);
  // A third shopper (the API, own cart token) holds all but one unit.
  const blocker = new ApiCart(request);
  expectOk(await blocker.reserve([{ productId: product.id, quantity: available - 1 }]));
  const alice = await openShopper(browser, baseURL ?? "");
  const bob = await openShopper(browser, baseURL ?? "");
  try {
    expect(await availableNow(request, product.id)).toBe(1);
    for (const shopper of [alice, bob]) {
      await addToCart(shopper.page, PRODUCT);
      await shopper.page.goto("/cart");
    }

    const answers = [waitForTrpcResponse(alice.page, "cart.reserve"), waitForTrpcResponse(bob.page, "cart.reserve")];
    await Promise.all([alice, bob].map((shopper) => shopper.page.getByRole("button", { name: "Proceed to checkout" }).click()));
    const outcomes = await Promise.all(answers.map(async (answer) => trpcOutcomeOf(await answer, "cart.reserve")));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);

    const winner = outcomes[0]?.ok ? alice.page : bob.page;
    const loser = outcomes[0]?.ok ? bob.page : alice.page;
    const refused = outcomes.find((outcome) => !outcome.ok);
    expect(refused?.ok === false && refused.error.data.code).toBe("CONFLICT");
    expect(refused?.ok === false && refused.error.data.details).toEqual({ shortLines: [{ productId: product.id, requested: 1, available: 0 }] });

    await expect(winner).toHaveURL(/\/checkout$/);
    await expect(winner.getByRole("timer")).toHaveText(/Reserved for \d\d:\d\d/);

    await expect(loser).toHaveURL(/\/cart$/);
    await expect(loser.getByRole("alert")).toContainText("Not enough stock for one line: requested 1, available 0.");
    await expect(cartLine(loser, PRODUCT)).toContainText("Sold out: 0 available now (you asked for 1).");
    await expect(loser.getByRole("timer")).toHaveCount(0);
    await captureScreens(loser, "storefront-short-stock");

    // The winner changes their mind: removing the line releases the unit for everyone else.
    await cartLine(winner, PRODUCT)
      .getByRole("button", { name: `Remove ${PRODUCT}` })
      .click();
    await expect(winner.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
    expect(await availableNow(request, product.id)).toBe(1);

    // Now the other shopper gets it.
    const retry = waitForTrpcResponse(loser, "cart.reserve");
    await loser.getByRole("button", { name: "Proceed to checkout" }).click();
    expectOk(await trpcOutcomeOf(await retry, "cart.reserve"));
    await expect(loser.getByRole("timer")).toBeVisible();
    await cartLine(loser, PRODUCT)
      .getByRole("button", { name: `Remove ${PRODUCT}` })
      .click();
    await expect(loser.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
  } finally {
    await blocker.releaseAll();
    await alice.close();
    await bob.close();
  }
});
