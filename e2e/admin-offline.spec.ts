import { signInToAdmin } from "./support/admin.ts";
import { type InventoryRow, latestMovements, mutate, productDetail, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { type CountView, countLine, locationWithLots } from "./support/counts.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

const PHONE = { width: 390, height: 844 };

test("offline: three counts and two adjusts wait on the phone, sync once each when back online; the adjust below reserved fails with its reason", async ({
  page,
  context,
  baseURL,
}) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    // A count of a new location holding three fresh lots.
    const tag = Date.now().toString(36).toUpperCase();
    const lots = [`OA-${tag}`, `OB-${tag}`, `OC-${tag}`];
    const { location } = await locationWithLots(api, `Offline shelf ${tag}`, [
      ["GL-011", lots[0] as string, 10],
      ["GL-012", lots[1] as string, 10],
      ["GL-013", lots[2] as string, 10],
    ]);
    const { sessionId } = await mutate<{ sessionId: string }>(api, "counts.start", { kind: "CYCLE", locationId: location.id });
    // A lot the wholesale order holds stock of: taking all its on hand away is refused.
    const held = await query<{ items: (InventoryRow & { reserved: number })[] }>(api, "reports.inventory", { pageSize: 50, sort: "sku" });
    const reservedProduct = held.items.find((item) => item.reserved > 0) as InventoryRow;
    const detail = await productDetail(api, reservedProduct.id);
    const heldLot = detail.lots.find((l) => l.reserved > 0) as (typeof detail.lots)[number];
    const barcode = (await query<{ product: { barcode: string } }>(api, "reports.product", { productId: reservedProduct.id })).product.barcode;
    const seen = new Set((await latestMovements(api, reservedProduct.id)).map((m) => m.id));

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.setViewportSize(PHONE);
    await page.goto(`/admin/counts/${sessionId}`);
    await expect(countLine(page, lots[0] as string)).toBeVisible();
    // The scanned product's quick adjust (no camera here: the code is typed), loaded while online.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scan" }).click();
    await page.getByRole("button", { name: "Quick adjust" }).click();
    await page.getByRole("button", { name: "Scan a barcode" }).click();
    await expect(page.getByRole("dialog", { name: "Quick adjust" }).getByRole("status")).toHaveText("No camera available: type the code instead.");
    await page.getByLabel("Or type the code").fill(barcode);
    await page.screenshot({ path: "e2e/screenshots/admin-scan-manual-phone.png" });
    await page.getByRole("button", { name: "Use code" }).click();
    const form = page.getByRole("form", { name: `Quick adjust ${detail.product.name}` });
    await expect(form).toBeVisible();

    await context.setOffline(true);
    await form.getByLabel("Lot").selectOption(heldLot.id);
    await form.getByRole("textbox", { name: "Change" }).fill(String(-heldLot.onHand));
    await form.getByLabel("Reason").fill("Count correction");
    await form.getByRole("button", { name: "Save adjust" }).click();
    await form.getByRole("textbox", { name: "Change" }).fill("1");
    await form.getByLabel("Reason").fill("Found stock");
    await form.getByRole("button", { name: "Save adjust" }).click();
    await page.goBack();
    for (const [i, lotNumber] of lots.entries()) {
      const line = countLine(page, lotNumber);
      await line.getByRole("button", { expanded: false }).click();
      await line.getByLabel("Units found").fill(String(i + 3));
      await line.getByRole("button", { name: "Add to count" }).click();
      await expect(line).toContainText(`+${i + 3} waiting`);
    }
    const outbox = page.getByRole("region", { name: "Offline changes" });
    await expect(outbox.getByRole("button", { name: "Waiting to sync (5)" })).toBeVisible();
    await outbox.getByRole("button", { name: "Waiting to sync (5)" }).click();
    await expect(outbox.getByRole("list", { name: "Waiting to sync" }).getByRole("listitem")).toHaveCount(5);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "e2e/screenshots/admin-offline-waiting-phone.png" });
    // Nothing reached the server while offline.
    expect((await query<CountView>(api, "counts.get", { sessionId })).summary.counted).toBe(0);

    await context.setOffline(false);
    const failed = outbox.getByRole("list", { name: "Failed to sync" });
    await expect(failed.getByRole("listitem")).toHaveCount(1);
    await expect(failed).toContainText(`Lot ${heldLot.lotNumber} cannot go below the units reserved for holds and orders.`);
    await expect(outbox.getByRole("button", { name: /Waiting to sync/ })).toHaveCount(0);
    await expect(countLine(page, lots[2] as string).getByTestId("counted")).toHaveText("5");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "e2e/screenshots/admin-offline-failed-phone.png" });

    // Applied exactly once each: one entry per lot, and one +1 adjustment (the refused one wrote nothing).
    const count = await query<CountView>(api, "counts.get", { sessionId });
    for (const [i, lotNumber] of lots.entries()) expect(count.lines.find((l) => l.lotNumber === lotNumber)).toMatchObject({ counted: i + 3, entries: 1 });
    const fresh = (await latestMovements(api, reservedProduct.id)).filter((m) => !seen.has(m.id));
    expect(fresh).toMatchObject([
      { lotNumber: heldLot.lotNumber, type: "ADJUSTMENT", quantity: 1, previousOnHand: heldLot.onHand, newOnHand: heldLot.onHand + 1 },
    ]);

    await failed.getByRole("button", { name: "Dismiss" }).click();
    await expect(outbox).toHaveCount(0);
    await capturePage(page, "admin-offline-synced", { phoneScreens: 1 });
    await mutate(api, "counts.cancel", { sessionId, reason: "e2e: offline sync checked" });
  } finally {
    await api.dispose();
  }
});
