import { signInToAdmin } from "./support/admin.ts";
import { type ProductDetail, productDetail, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

interface OrderRow {
  id: string;
  number: number;
  reference: string;
  lines: { id: string; productId: string; name: string; lots: { lotId: string; lotNumber: string; quantity: number }[] }[];
  returns: unknown[];
}

const lotOnHand = (detail: ProductDetail, lotId: string) => detail.lots.find((lot) => lot.id === lotId)?.onHand ?? Number.NaN;

test("returning one unit of a delivered demo order restocks it into its lot and lists the return on the order page", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    // A delivered demo order nobody has returned anything from yet (each run takes a fresh one).
    const { orders: delivered } = await query<{ orders: { id: string }[] }>(api, "orders.list", { status: "DELIVERED", pageSize: 50 });
    let order: OrderRow | undefined;
    for (const row of delivered) {
      const full = await query<OrderRow>(api, "orders.get", { orderId: row.id });
      if (full.returns.length === 0 && full.lines[0]?.lots.length) {
        order = full;
        break;
      }
    }
    if (!order) throw new Error("the demo has no delivered order without returns");
    const line = order.lines[0] as OrderRow["lines"][number];
    const lot = line.lots[0] as OrderRow["lines"][number]["lots"][number];
    const before = await productDetail(api, line.productId);

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.goto(`/admin/orders/${order.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.reference}` })).toBeVisible();
    await page.getByRole("button", { name: "Return items" }).click();
    const form = page.getByRole("form", { name: "Return items" });
    const row = form.getByRole("group", { name: `${line.name} · lot ${lot.lotNumber}` });
    // Nothing entered: the form names what is missing and sends nothing.
    await form.getByRole("button", { name: "Record return" }).click();
    await expect(form.getByText("Give a reason for the return.")).toBeVisible();
    await row.getByLabel("Quantity").fill("1");
    await row.getByLabel("Disposition").selectOption("RESTOCK");
    await form.getByLabel("Reason (shown to staff)").fill("Customer changed their mind");
    await capturePage(page, "admin-return-form", { phoneScreens: 3 });
    await form.getByRole("button", { name: "Record return" }).click();

    const returns = page.getByRole("list", { name: "Returns" });
    await expect(returns).toContainText("Customer changed their mind");
    await expect(returns).toContainText(`1 × ${line.name}, lot ${lot.lotNumber}`);
    await expect(returns).toContainText("Restocked");
    await expect(returns).toContainText(LOGINS.greenleafManager.name);
    await capturePage(page, "admin-order-returned", { phoneScreens: 3 });

    // The unit is back on hand in the lot it was delivered from.
    const after = await productDetail(api, line.productId);
    expect(lotOnHand(after, lot.lotId)).toBe(lotOnHand(before, lot.lotId) + 1);
  } finally {
    await api.dispose();
  }
});
