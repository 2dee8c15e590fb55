import path from "node:path";
import { openSettingsPage, signInToAdmin } from "./support/admin.ts";
import { query, staffApi } from "./support/admin-api.ts";
import { LOGINS } from "./support/demo.ts";
import { ApiCart, E2E_CHECKOUT, ensureAvailable, findProduct } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcMutation } from "./support/trpc-http.ts";

const PRODUCT = "Cetirizine 10mg x30";

test("a new order alerts the producer's recipients once, and the alert can be switched off in the settings", async ({ page, request, baseURL }) => {
  const item = await findProduct(request, PRODUCT);
  await ensureAvailable(request, String(baseURL), item, 2);
  const cart = new ApiCart(request);
  const lines = [{ productId: item.id, quantity: 2 }];
  expectOk(await cart.reserve(lines));
  const placed = expectOk(
    await trpcMutation<{ orders: { reference: string }[] }>(request, "orders.place", { ...E2E_CHECKOUT, lines }, { "x-cart-token": cart.token }),
  );
  const reference = placed.orders[0]?.reference as string;

  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  const me = await query<{ producerId: string }>(api, "auth.me", null);
  try {
    // The worker sends it: wait for the message in the delivery log.
    const alertsFor = async () =>
      (await query<{ items: { subject: string | null; template: string }[] }>(api, "alerts.notifications", { limit: 200 })).items.filter((n) =>
        n.subject?.startsWith(`New order ${reference}: 2 items, £`),
      );
    await expect.poll(async () => (await alertsFor()).length, { timeout: 30_000, intervals: [500] }).toBeGreaterThan(0);
    expect((await alertsFor()).every((n) => n.template === "order.new")).toBe(true);

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await openSettingsPage(page, "Notifications");
    const form = page.getByRole("form", { name: "Alert settings" });
    const toggle = form.getByLabel(/New orders/);
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByRole("status")).toHaveText("Alert settings saved.");
    expect((await query<{ newOrderAlerts: boolean }>(api, "alerts.settings", { producerId: me.producerId })).newOrderAlerts).toBe(false);
    // The form itself at both sizes (the page is mostly the delivery log).
    for (const [size, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await form.screenshot({ path: path.join(import.meta.dirname, "screenshots", `admin-new-order-alerts-off-${size}.png`) });
    }
    await toggle.check();
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(async () => (await query<{ newOrderAlerts: boolean }>(api, "alerts.settings", { producerId: me.producerId })).newOrderAlerts).toBe(true);
  } finally {
    await api.dispose();
  }
});
