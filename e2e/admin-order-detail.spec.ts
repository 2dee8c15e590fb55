import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { openSettingsPage, signInToAdmin } from "./support/admin.ts";
import { query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { ApiCart, E2E_CHECKOUT, ensureAvailable, findProduct } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcMutation, trpcQuery } from "./support/trpc-http.ts";

const PRODUCT = "Cetirizine 10mg x30";

interface Placed {
  orderId: string;
  number: number;
  reference: string;
}

/** One order from a shopper with their own cart token and a unique email, placed through the API. */
async function placeOrder(request: APIRequestContext, productId: string, customer: { name: string; email: string }) {
  const cart = new ApiCart(request);
  const lines = [{ productId, quantity: 1 }];
  expectOk(await cart.reserve(lines));
  const checkout = { ...E2E_CHECKOUT, customer: { ...E2E_CHECKOUT.customer, ...customer }, lines };
  const placed = expectOk(await trpcMutation<{ orders: Placed[] }>(request, "orders.place", checkout, { "x-cart-token": cart.token }));
  const [order] = placed.orders;
  if (!order) throw new Error("no order was placed");
  return { order, cart };
}

interface CustomerView {
  status: string;
  cancelReason: string | null;
  events: { kind: string; toStatus: string | null; body: string | null; actorName: string | null }[];
}

test("staff find an order by the customer's email, read it, note it, print its packing slip; a cancellation's reason reaches the customer", async ({
  page,
  request,
  baseURL,
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const item = await findProduct(request, PRODUCT);
  await ensureAvailable(request, String(baseURL), item, 2);
  const shopper = { name: "Orla Ordersearch", email: `orla-${run}@example.test` };
  const { order, cart } = await placeOrder(request, item.id, shopper);
  const other = await placeOrder(request, item.id, { name: "Colm Cancel", email: `colm-${run}@example.test` });

  // The list: found by the email, in any case; the search is in the URL.
  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).click();
  await page.getByLabel("Search orders").fill(shopper.email.toUpperCase());
  await expect(page).toHaveURL(new RegExp(`[?&]search=ORLA-${run.toUpperCase()}`));
  const rows = page.getByRole("region", { name: "Orders", exact: true }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(order.reference);
  await expect(rows.first()).toContainText(shopper.email);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("1–1 of 1");
  await capturePage(page, "admin-orders-search");

  // The order: customer, address, timeline; a note lands on the timeline, marked internal.
  await rows
    .first()
    .getByRole("link", { name: `Order ${order.reference}`, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Order ${order.reference}` })).toBeVisible();
  const customer = page.getByRole("region", { name: "Customer", exact: true });
  await expect(customer).toContainText(shopper.name);
  await expect(customer.getByRole("link", { name: shopper.email })).toHaveAttribute("href", `mailto:${shopper.email}`);
  await expect(customer.getByRole("link", { name: E2E_CHECKOUT.customer.phone })).toHaveAttribute("href", "tel:+447700900555");
  await expect(customer).toContainText(E2E_CHECKOUT.fulfilment.address.line1);
  const timeline = page.getByRole("list", { name: "Order timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
  await expect(timeline).toContainText("Order placed");
  await expect(timeline).toContainText(`${shopper.name} · shop`);
  const note = `Ring the bell twice (${run})`;
  await page.getByLabel("Internal note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(timeline.getByRole("listitem")).toHaveCount(2);
  await expect(timeline.getByRole("listitem").last()).toContainText(note);
  await expect(timeline.getByRole("listitem").last()).toContainText("Internal");
  await capturePage(page, "admin-order-detail", { phoneScreens: 4 });

  // The packing slip: who, where, every lot with its use-by, a box to tick; printing drops the app's chrome.
  await page.getByRole("link", { name: "Packing slip" }).click();
  const slip = page.getByRole("article", { name: "Packing slip" });
  await expect(slip.getByRole("heading", { name: `Packing slip ${order.reference}` })).toBeVisible();
  await expect(slip).toContainText(shopper.name);
  await expect(slip).toContainText(E2E_CHECKOUT.fulfilment.address.postcode);
  await expect(slip.getByRole("checkbox", { name: new RegExp(`^Picked ${PRODUCT}`) }).first()).toBeVisible();
  await expect(slip.locator("tfoot")).toContainText("Total units1");
  await capturePage(page, "admin-packing-slip", { phoneScreens: 2 });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.screenshot({ path: "e2e/screenshots/admin-packing-slip-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  // Cancelling the other order needs a reason; the customer sees it, and never the staff's notes.
  await page.goto(`/admin/orders/${other.order.orderId}`);
  await page.getByRole("button", { name: "Cancel order" }).click();
  const cancelForm = page.getByRole("form", { name: `Cancel order ${other.order.reference}` });
  await cancelForm.getByRole("button", { name: `Cancel order ${other.order.reference}` }).click();
  await expect(cancelForm).toContainText("Reason cannot be empty.");
  const reason = "The batch failed our quality check";
  await cancelForm.getByLabel("Reason for cancelling").fill(reason);
  await cancelForm.getByRole("button", { name: `Cancel order ${other.order.reference}` }).click();
  await expect(page.locator(".order-status")).toContainText("Cancelled");
  await expect(page.locator(".order-cancel-reason")).toContainText(reason);
  await expect(page.getByRole("list", { name: "Order timeline" }).getByRole("listitem").last()).toContainText(`Reason: ${reason}`);

  const seen = expectOk(await trpcQuery<CustomerView>(request, "orders.mine", { orderId: other.order.orderId }, { "x-cart-token": other.cart.token }));
  expect([seen.status, seen.cancelReason]).toEqual(["CANCELLED", reason]);
  expect(seen.events.at(-1)).toMatchObject({ kind: "STATUS", toStatus: "CANCELLED", body: reason, actorName: null });
  // And in the shop: the customer's browser (holding the cart token that placed it) shows the reason.
  const customerBrowser = await browser.newContext({ baseURL: String(baseURL) });
  try {
    const remembered = [
      {
        orderId: other.order.orderId,
        number: other.order.number,
        reference: other.order.reference,
        token: other.cart.token,
        placedAt: new Date().toISOString(),
        producers: {},
      },
    ];
    await customerBrowser.addInitScript((history) => localStorage.setItem("stockroom.orders", JSON.stringify(history)), remembered);
    const shop = await customerBrowser.newPage();
    await shop.goto(`/orders/${other.order.orderId}`);
    const card = shop.getByRole("article", { name: `Order ${other.order.reference}` });
    await expect(card).toContainText("Cancelled");
    await expect(card).toContainText(`Cancelled: ${reason}.`);
  } finally {
    await customerBrowser.close();
  }
  const first = expectOk(await trpcQuery<CustomerView>(request, "orders.mine", { orderId: order.orderId }, { "x-cart-token": cart.token }));
  expect(first.events.map((event) => event.kind)).toEqual(["PLACED"]);
});

test("a producer admin makes a location a collection point on Settings > Locations; checkout offers it, and stops when switched off", async ({
  page,
  request,
  baseURL,
}) => {
  const item = await findProduct(request, PRODUCT);
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  const locations = await query<{ id: string; name: string; isQuarantine: boolean; isCollectionPoint: boolean; archivedAt: string | null }[]>(
    api,
    "locations.list",
    {},
  );
  await api.dispose();
  const location = locations.find((l) => !l.isQuarantine && !l.isCollectionPoint && !l.archivedAt);
  if (!location) throw new Error("Greenleaf has no location that is not a collection point");
  const offered = async () => {
    const points = expectOk(
      await trpcQuery<{ producerName: string; locations: { name: string }[] }[]>(request, "orders.collectionPoints", { productIds: [item.id] }),
    );
    return points.flatMap((p) => p.locations.map((l) => l.name));
  };
  expect(await offered()).not.toContain(location.name);

  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await openSettingsPage(page, "Locations");
  const toggle = page.getByRole("checkbox", { name: `Customers can collect here (${location.name})` });
  // click, then wait for the box to follow the saved value (the mutation, then the refreshed list).
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();
  await expect.poll(offered).toContain(location.name);
  await capturePage(page, "admin-locations-collection", { phoneScreens: 2 });
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();
  await expect.poll(offered).not.toContain(location.name);
});
