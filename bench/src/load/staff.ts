import type { LoadClient } from "./http-client.ts";
import { pick, think } from "./think-time.ts";
import { batched, type Call, type Caller, newIdempotencyKey } from "./trpc-calls.ts";

/** A signed-in staff member: the session cookie and what their role may do (from the sign-in answer); the server scopes producer staff to their producer. */
export interface StaffSession {
  caller: Caller;
  permissions: Set<string>;
}

const INVENTORY_SORTS = ["name", "sku", "available", "category"] as const;
const STATUSES = [undefined, undefined, "low", "out", "expiring"] as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** auth.signIn through the admin's batch link (a batch of one; the server refuses it in a larger batch). */
export async function signInStaff(client: LoadClient, email: string, password: string): Promise<StaffSession | null> {
  const answer = await client.send("admin.signIn", batched({}, "mutation", [{ path: "auth.signIn", input: { email, password } }]));
  const session = answer.setCookie.map((c) => c.split(";")[0]).find((c) => c?.includes("stockroom_session"));
  const me = answer.data[0] as { permissions?: string[] } | null;
  if (!session || !me?.permissions) return null;
  return { caller: { cookie: session }, permissions: new Set(me.permissions) };
}

/**
 * One round of a staff member's work, each page sending the batch the admin's loader sends:
 * dashboard (products + summary + low-stock widget, then the accuracy card), inventory (sorts,
 * filters, pages: by `nextCursor` when the answer has one, else `page`), a product (detail, then
 * locations + movements), receive a lot and adjust one, the orders list, confirm and dispatch a
 * pending order, and analytics. Steps their role may not do are skipped, as the admin hides them.
 */
export async function staffRound(client: LoadClient, staff: StaffSession, signal: AbortSignal): Promise<void> {
  const can = (permission: string) => staff.permissions.has(permission);
  const send = (kind: string, calls: Call[], mode: "query" | "mutation" = "query") => client.send(kind, batched(staff.caller, mode, calls));

  await send("admin.dashboard", [
    { path: "products.list", input: { limit: 200 } },
    { path: "reports.dashboard", input: {} },
    { path: "alerts.lowStock", input: { limit: 500 } },
  ]);
  if (can("stock.count")) await send("admin.dashboard", [{ path: "counts.list", input: { status: "APPROVED", limit: 1 } }]);
  if (!(await think(signal))) return;

  const filters = { sort: pick(INVENTORY_SORTS), direction: pick(["asc", "desc"]), status: pick(STATUSES), page: 1, pageSize: 200 };
  const first = await send("admin.inventory", [
    { path: "reports.inventory", input: filters },
    { path: "locations.list", input: {} },
    { path: "products.categories", input: {} },
  ]);
  const listed = first.data[0] as { items?: { id: string }[]; nextCursor?: string | null } | null;
  const next = listed?.nextCursor ? { ...filters, cursor: listed.nextCursor } : { ...filters, page: 2 };
  if (!(await think(signal))) return;
  if (Math.random() < 0.5) await send("admin.inventory", [{ path: "reports.inventory", input: next }]);
  const products = listed?.items ?? [];
  if (products.length === 0 || !(await think(signal))) return;

  const productId = pick(products).id;
  const detail = await openProduct(send, productId);
  if (!(await think(signal))) return;
  if (detail && can("stock.receive")) {
    const location = detail.locationId;
    const lot = { productId, locationId: location, lotNumber: `LOAD-${Date.now().toString(36)}`, quantity: 10 + Math.floor(Math.random() * 90) };
    const expiry = Math.random() < 0.5 ? { expiryDate: day(30 + Math.floor(Math.random() * 300)) } : {};
    await send("admin.receive", [{ path: "stock.receive", input: { ...lot, ...expiry, idempotencyKey: newIdempotencyKey() } }], "mutation");
    await openProduct(send, productId);
    if (!(await think(signal))) return;
  }
  if (detail?.lotId && can("stock.adjust")) {
    const change = detail.free > 10 && Math.random() < 0.5 ? -1 : 1 + Math.floor(Math.random() * 5);
    // A reason from the list: staff without stock.adjust.anyReason may give no other (the SPA's select offers only these).
    const input = { lotId: detail.lotId, change, reason: "Count correction", idempotencyKey: newIdempotencyKey() };
    await send("admin.adjust", [{ path: "stock.adjust", input }], "mutation");
    if (!(await think(signal))) return;
  }
  if (can("orders.view")) {
    await fulfilOne(send, can("orders.fulfil"), signal);
    if (signal.aborted) return;
  }
  if (can("analytics.view")) {
    const range = { from: day(-29), to: day(0) };
    const calls: Call[] = [
      { path: "reports.movementSeries", input: { ...range, bucket: "day" } },
      { path: "reports.lowStockTrend", input: range },
      { path: "counts.accuracyTrend", input: range },
      { path: "reports.restock", input: {} },
      ...(can("costs.view") ? [{ path: "reports.profitability", input: range }] : []),
      { path: "reports.dashboard", input: {} },
    ];
    await send("admin.analytics", calls);
    await think(signal);
  }
}

type Send = (kind: string, calls: Call[], mode?: "query" | "mutation") => ReturnType<LoadClient["send"]>;

/** The inventory product page: its detail, then (in one batch) the producer's locations and the movements. */
async function openProduct(send: Send, productId: string) {
  const answer = await send("admin.product", [{ path: "reports.product", input: { productId } }]);
  const detail = answer.data[0] as {
    product: { producerId: string };
    lots: { id: string; locationId: string; isSellable: boolean; onHand: number; reserved: number }[];
  } | null;
  if (!detail) return null;
  await send("admin.product", [
    { path: "locations.list", input: { producerId: detail.product.producerId } },
    { path: "stock.movements", input: { productId, limit: 20, direction: "forward" } },
  ]);
  const lot = detail.lots.find((l) => l.isSellable);
  return lot ? { locationId: lot.locationId, lotId: lot.id, free: lot.onHand - lot.reserved } : null;
}

/** The orders list (pending first, else confirmed), one order's page, then its next status, as the order page's button does. */
async function fulfilOne(send: Send, canFulfil: boolean, signal: AbortSignal) {
  const status = Math.random() < 0.6 ? "PENDING" : "CONFIRMED";
  const list = await send("admin.orders", [{ path: "orders.list", input: { status, sort: "placed", direction: "desc", page: 1, pageSize: 50 } }]);
  const orders = (list.data[0] as { items?: { id: string }[] } | null)?.items ?? [];
  if (orders.length === 0 || !(await think(signal))) return;
  const orderId = pick(orders).id;
  await send("admin.order", [{ path: "orders.get", input: { orderId } }]);
  if (!canFulfil || !(await think(signal))) return;
  const nextStatus = status === "PENDING" ? "CONFIRMED" : "DISPATCHED";
  const kind = nextStatus === "CONFIRMED" ? "admin.order.confirm" : "admin.order.dispatch";
  await send(kind, [{ path: "orders.setStatus", input: { orderId, status: nextStatus, idempotencyKey: newIdempotencyKey() } }], "mutation");
  await send("admin.order", [{ path: "orders.get", input: { orderId } }]);
  await think(signal);
}
