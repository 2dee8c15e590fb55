import { randomBytes, randomUUID } from "node:crypto";
import type { TestDatabase } from "@stockroom/db/testing";
import {
  addDays,
  approvePurchaseOrder,
  checkLowStock,
  draftPurchaseOrder,
  dryRunImport,
  inviteStaff,
  type StaffRoleName,
  setOrderStatus,
  setSupplierProduct,
  updatePurchaseOrderLine,
  utcDay,
} from "@stockroom/domain";
import {
  createStaff,
  createStockWorld,
  createTestDeps,
  preferSupplier,
  productWithStock,
  supplierFor,
  TEST_CHECKOUT,
  TEST_PASSWORD,
} from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect } from "vitest";
import { CookieJar, callerFor } from "./testing.ts";

// Test support shared by tenancy.test.ts and roles.test.ts.

let database: { current: TestDatabase };
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
let fixture: {
  producerId: string;
  productId: string;
  /** Archived and restored by those procedures' calls (no stock, no orders). */
  spareProductId: string;
  lotId: string;
  locationId: string;
  otherLocationId: string;
  /** Empty: archived and restored by those procedures' calls. */
  spareLocationId: string;
  orderId: string;
  cartToken: string;
  staffId: string;
  importId: string;
  /** A's webhook endpoint (a public IP literal: no DNS needed). */
  endpointId: string;
  /** DELIVERED with 20 units of one lot: each orders.return call takes one back. */
  delivered: { orderId: string; orderLineId: string; lotId: string };
  purchasing: Awaited<ReturnType<typeof purchasingFixture>>;
};

export type Caller = Awaited<ReturnType<typeof callerFor>>;

async function placeOrder(productId: string, cartToken = randomBytes(16).toString("base64url"), quantity = 1) {
  const customer = await callerFor(testDeps.deps, new CookieJar(), { cartToken });
  await customer.cart.reserve({ lines: [{ productId, quantity }] });
  const { orders } = await customer.orders.place({ ...TEST_CHECKOUT, lines: [{ productId, quantity }] });
  return orders[0]?.orderId as string;
}

/** A DELIVERED order of 20 units from one lot, for returns. */
async function deliveredOrder(stockWorld: Awaited<ReturnType<typeof createStockWorld>>) {
  const { product, lotIds } = await productWithStock(testDeps.deps, stockWorld, [{ quantity: 30 }]);
  const orderId = await placeOrder(product.id, undefined, 20);
  for (const status of ["CONFIRMED", "DELIVERED"] as const) await setOrderStatus(testDeps.deps, stockWorld.admin, { orderId, status });
  const line = await database.current.db.orderLine.findFirstOrThrow({ where: { orderId } });
  return { orderId, orderLineId: line.id, lotId: lotIds[0] as string };
}

/**
 * A's supplier (linked to the spare product, preferred for a product to draft) and one purchase
 * order per kind of call, each with its own supplier: awaiting approval (to approve, to edit, to
 * reject) and approved (to cancel; to receive, 1,000 units so every role's call can take one).
 */
async function purchasingFixture(stockWorld: Awaited<ReturnType<typeof createStockWorld>>, spareProductId: string) {
  const { deps } = testDeps;
  const supplier = await supplierFor(deps, stockWorld);
  await setSupplierProduct(deps, stockWorld.admin, {
    supplierId: supplier.id,
    productId: spareProductId,
    unitCostCents: 100,
    packSize: 1,
    minOrderQuantity: 1,
  });
  const draftProduct = (await productWithStock(deps, stockWorld, [])).product;
  await preferSupplier(deps, stockWorld, { supplierId: supplier.id, productId: draftProduct.id });
  const order = async (options: { approve: boolean; quantity?: number }) => {
    const own = await supplierFor(deps, stockWorld);
    const { product } = await productWithStock(deps, stockWorld, []);
    await preferSupplier(deps, stockWorld, { supplierId: own.id, productId: product.id });
    const { purchaseOrderId } = await draftPurchaseOrder(deps, stockWorld.admin, { productId: product.id });
    const line = await database.current.db.purchaseOrderLine.findFirstOrThrow({ where: { purchaseOrderId } });
    if (options.quantity)
      await updatePurchaseOrderLine(deps, stockWorld.admin, { purchaseOrderId, lineId: line.id, quantity: options.quantity, unitCostCents: 100 });
    if (options.approve) await approvePurchaseOrder(deps, stockWorld.admin, { purchaseOrderId });
    return { purchaseOrderId, lineId: line.id };
  };
  return {
    supplierId: supplier.id,
    draftProductId: draftProduct.id,
    toApprove: await order({ approve: false }),
    toEdit: await order({ approve: false }),
    toReject: await order({ approve: false }),
    toCancel: await order({ approve: true }),
    toReceive: await order({ approve: true, quantity: 1_000 }),
  };
}

/**
 * Registers the world's setup and teardown in the calling test file. Producer A has something for
 * every staff procedure to show: a product with an expiring lot and a pending order, and a low
 * product with a dispatched order (sales, restock), an open low-stock alert and its notification.
 */
export function useProcedureWorld(db: { current: TestDatabase }) {
  database = db;
  beforeAll(setUp);
  afterAll(() => testDeps.close());
}

async function setUp() {
  testDeps = await createTestDeps(database.current.db, database.current.url);
  const world = await createStockWorld(database.current.db);
  await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId: world.producer.id });
  const expiryDate = addDays(utcDay(testDeps.deps.clock.now()), 20);
  const { product, lotIds } = await productWithStock(testDeps.deps, world, [{ quantity: 10, expiryDate }], { category: `Tenancy ${randomUUID()}` });
  const cartToken = randomBytes(16).toString("base64url");
  const orderId = await placeOrder(product.id, cartToken);
  const low = await productWithStock(testDeps.deps, world, [{ quantity: 2 }], { minStockLevel: 5 });
  const sold = await placeOrder(low.product.id);
  for (const status of ["CONFIRMED", "DISPATCHED"] as const) await setOrderStatus(testDeps.deps, world.admin, { orderId: sold, status });
  expect((await checkLowStock(testDeps.deps, { productId: low.product.id })).outcome).toBe("opened");
  // A staff member to change, an open invitation and its audit event.
  const member = await createStaff(database.current.db, { role: "PRODUCER_STAFF", producerId: world.producer.id });
  await inviteStaff(testDeps.deps, world.admin, { producerId: world.producer.id, email: `invited-${randomUUID()}@test.example`, role: "VIEWER" }, inviteConfig);
  const file = `sku,location,lot_number,quantity\n${product.sku},Shop,IMP-1,4\n`;
  const pending = await dryRunImport(testDeps.deps, world.admin, { kind: "STOCK", fileName: "t.csv", producerId: world.producer.id }, [Buffer.from(file)]);
  const spare = await productWithStock(testDeps.deps, world, []);
  const spareLocation = await database.current.db.location.create({ data: { producerId: world.producer.id, name: "Spare room", isSellable: false } });
  // An approved count, for the count lists and the accuracy trend.
  const now = testDeps.deps.clock.now();
  await database.current.db.countSession.create({
    data: {
      producerId: world.producer.id,
      kind: "FULL",
      status: "APPROVED",
      startedAt: now,
      startedBy: member.id,
      closedAt: now,
      countedLots: 4,
      matchedLots: 3,
    },
  });
  fixture = {
    staffId: member.id,
    importId: pending.id,
    producerId: world.producer.id,
    productId: product.id,
    spareProductId: spare.product.id,
    spareLocationId: spareLocation.id,
    lotId: lotIds[0] as string,
    locationId: world.shop.id,
    otherLocationId: world.backStore.id,
    orderId,
    cartToken,
    delivered: await deliveredOrder(world),
    endpointId: (await endpointOfA(world.producer.id)).id,
    purchasing: await purchasingFixture(world, spare.product.id),
  };
  await apiKeyOfA();
}

export const PUBLIC_HOOK_URL = "https://93.184.215.14/hooks/stock";

function endpointOfA(producerId: string) {
  return database.current.db.webhookEndpoint.create({ data: { producerId, url: PUBLIC_HOOK_URL, eventTypes: ["lot.expired"], secret: "whsec_dGVzdA==" } });
}

/** A FAILED delivery of a test event to A's endpoint, for "send again". */
async function failedDeliveryOfA(): Promise<string> {
  const { producerId, endpointId } = fixture;
  const event = await database.current.db.webhookEvent.create({ data: { producerId, type: "webhook.test", resourceId: endpointId, payload: {} } });
  const delivery = await database.current.db.webhookDelivery.create({ data: { eventId: event.id, endpointId, producerId, status: "FAILED" } });
  return delivery.id;
}

export const world = {
  get deps() {
    return testDeps.deps;
  },
  get db() {
    return database.current.db;
  },
  get fixture() {
    return fixture;
  },
};

/** A caller signed in as a new staff member with this role (of producer A unless told). */
export async function signedIn(role: StaffRoleName, producerId: string | null = role === "PLATFORM_ADMIN" ? null : fixture.producerId): Promise<Caller> {
  const staff = await createStaff(database.current.db, { role, producerId });
  const jar = new CookieJar();
  await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email, password: TEST_PASSWORD });
  return callerFor(testDeps.deps, jar);
}

export async function codeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : `no error (${String(error)})`;
}

/** Every row of the business tables (not producers, staff and their sessions), as one digest. */
export async function businessData(): Promise<string> {
  const tables = ["Location", "Product", "Lot", "Hold", "HoldAllocation", "Order", "OrderLine", "OrderLineAllocation", "Movement"]
    .concat(["IdempotencyKey", "LowStockAlert", "LotExpiryAlert", "AlertSettings", "Notification", "Customer"])
    .concat(["OrderReturn", "OrderReturnLine"])
    .concat(["Supplier", "SupplierProduct", "ReorderSetting", "PurchaseOrder", "PurchaseOrderLine"])
    .map((table) => `SELECT '${table}' || t::text AS row FROM "${table}" t`);
  const [row] = await database.current.db.$queryRawUnsafe<{ digest: string }[]>(
    `SELECT md5(COALESCE(string_agg(row, '|' ORDER BY row), '')) AS digest FROM (${tables.join(" UNION ALL ")}) rows`,
  );
  return row?.digest ?? "";
}

const settings = { emailRecipients: ["a@b.test"], smsRecipients: [], whatsappRecipients: [], lowStockChannels: ["EMAIL" as const] };
const noAlerts = { escalationChannels: [], expiryChannels: [], quietHoursStartHour: null, quietHoursEndHour: null };

export const inviteConfig = { publicUrl: "http://stockroom.test", inviteTtlHours: 72 };

/** An open invitation of A, written directly (no notification: the business digest stays the same). */
async function openInvitation(): Promise<string> {
  const row = await database.current.db.staffInvitation.create({
    data: {
      tokenHash: randomUUID(),
      email: `open-${randomUUID()}@test.example`,
      role: "VIEWER",
      producerId: fixture.producerId,
      invitedByName: "Test",
      invitedByEmail: "test@test.example",
      expiresAt: new Date(testDeps.deps.clock.now().getTime() + 3_600_000),
    },
  });
  return row.id;
}

/** An image row on A's product (no files: removing an image without files is fine). */
function imageOfA() {
  return database.current.db.productImage.create({
    data: { productId: fixture.productId, producerId: fixture.producerId, key: randomUUID(), contentType: "image/png", width: 10, height: 10, bytes: 100 },
  });
}

/** An open count of A's fixture lot (any other open count of it closed first: a lot is in one open count). */
async function openCountOfA() {
  const db = database.current.db;
  await db.countLine.updateMany({ where: { lotId: fixture.lotId }, data: { open: false } });
  const lot = await db.lot.findUniqueOrThrow({ where: { id: fixture.lotId } });
  const session = await db.countSession.create({
    data: { producerId: fixture.producerId, kind: "CYCLE", startedAt: testDeps.deps.clock.now(), startedBy: fixture.staffId },
  });
  await db.countLine.create({
    data: {
      sessionId: session.id,
      lotId: lot.id,
      productId: lot.productId,
      expectedOnHand: lot.onHand,
      snapshotMovementId: 0,
      unitCostCents: lot.unitCostCents,
    },
  });
  return session.id;
}

/** A live API key of A, written directly (its secret is never used). */
async function apiKeyOfA(): Promise<string> {
  const row = await database.current.db.apiKey.create({
    data: {
      producerId: fixture.producerId,
      name: "Till",
      prefix: `sr_${randomBytes(6).toString("base64url")}`,
      secretHash: randomUUID(),
      scopes: ["read"],
      createdByEmail: "t@test.example",
    },
  });
  return row.id;
}

/** Staff procedures that name one of A's records (a product, lot, location, order or A itself). */
export const recordCalls: Record<string, (c: Caller) => Promise<unknown>> = {
  "products.get": (c) => c.products.get({ productId: fixture.productId }),
  "products.update": (c) => c.products.update({ productId: fixture.productId, name: "Renamed" }),
  "products.create": (c) =>
    c.products.create({ producerId: fixture.producerId, sku: `T-${randomUUID()}`, name: "New", category: "C", priceCents: 1, unitCostCents: 1 }),
  "products.duplicate": (c) => c.products.duplicate({ productId: fixture.productId, sku: `D-${randomUUID()}` }),
  "products.archive": (c) => c.products.archive({ productId: fixture.spareProductId }),
  "products.restore": (c) => c.products.restore({ productId: fixture.spareProductId }),
  "products.removeImage": async (c) => c.products.removeImage({ productId: fixture.productId, imageId: (await imageOfA()).id }),
  "products.reorderImages": async (c) => {
    await imageOfA();
    const images = await database.current.db.productImage.findMany({ where: { productId: fixture.productId }, orderBy: { position: "desc" } });
    return c.products.reorderImages({ productId: fixture.productId, imageIds: images.map((i) => i.id) });
  },
  "locations.create": (c) => c.locations.create({ producerId: fixture.producerId, name: `Room ${randomUUID()}` }),
  "locations.update": (c) => c.locations.update({ locationId: fixture.otherLocationId, isSellable: false }),
  "locations.archive": (c) => c.locations.archive({ locationId: fixture.spareLocationId }),
  "locations.restore": (c) => c.locations.restore({ locationId: fixture.spareLocationId }),
  "stock.receive": (c) => c.stock.receive({ productId: fixture.productId, locationId: fixture.locationId, lotNumber: "X-1", quantity: 1 }),
  "stock.adjust": (c) => c.stock.adjust({ lotId: fixture.lotId, change: -1, reason: "Count correction" }),
  "stock.writeOff": (c) => c.stock.writeOff({ lotId: fixture.lotId, quantity: 1, reason: "DAMAGED" }),
  "stock.transfer": (c) => c.stock.transfer({ lotId: fixture.lotId, toLocationId: fixture.otherLocationId, quantity: 1 }),
  "stock.movements": (c) => c.stock.movements({ productId: fixture.productId }),
  "stock.setOnHand": async (c) => {
    const lot = await database.current.db.lot.findUniqueOrThrow({ where: { id: fixture.lotId } });
    return c.stock.setOnHand({ lotId: fixture.lotId, expectedOnHand: lot.onHand, onHand: lot.onHand + 1 });
  },
  "counts.get": async (c) => c.counts.get({ sessionId: await openCountOfA() }),
  "counts.start": async (c) => {
    await database.current.db.countLine.updateMany({ data: { open: false } });
    return c.counts.start({ kind: "CYCLE", locationId: fixture.locationId });
  },
  "counts.record": async (c) => c.counts.record({ sessionId: await openCountOfA(), lotId: fixture.lotId, quantity: 1 }),
  "counts.requestRecounts": async (c) => c.counts.requestRecounts({ sessionId: await openCountOfA() }),
  "counts.approve": async (c) => c.counts.approve({ sessionId: await openCountOfA() }),
  "counts.cancel": async (c) => c.counts.cancel({ sessionId: await openCountOfA(), reason: "Not today" }),
  "orders.get": (c) => c.orders.get({ orderId: fixture.orderId }),
  "orders.setStatus": (c) => c.orders.setStatus({ orderId: fixture.orderId, status: "CONFIRMED" }),
  "orders.addNote": (c) => c.orders.addNote({ orderId: fixture.orderId, body: "Customer asked for a morning delivery." }),
  "orders.return": (c) => {
    const { orderId, orderLineId, lotId } = fixture.delivered;
    return c.orders.return({ orderId, reason: "Wrong item", lines: [{ orderLineId, lotId, quantity: 1, disposition: "RESTOCK" }] });
  },
  "alerts.settings": (c) => c.alerts.settings({ producerId: fixture.producerId }),
  "alerts.updateSettings": (c) => c.alerts.updateSettings({ producerId: fixture.producerId, ...settings, ...noAlerts }),
  "reports.product": (c) => c.reports.product({ productId: fixture.productId }),
  "staff.invite": (c) => c.staff.invite({ producerId: fixture.producerId, email: `new-${randomUUID()}@test.example`, role: "PRODUCER_STAFF" }),
  "staff.revokeInvitation": async (c) => c.staff.revokeInvitation({ invitationId: await openInvitation() }),
  "staff.setRole": (c) => c.staff.setRole({ staffId: fixture.staffId, role: "PRODUCER_STAFF" }),
  "staff.deactivate": (c) => c.staff.deactivate({ staffId: fixture.staffId }),
  "staff.reactivate": (c) => c.staff.reactivate({ staffId: fixture.staffId }),
  "imports.get": (c) => c.imports.get({ importId: fixture.importId }),
  "imports.run": (c) => c.imports.run({ importId: fixture.importId }),
  "imports.cancel": (c) => c.imports.cancel({ importId: fixture.importId }),
  "integrations.keys.create": (c) => c.integrations.keys.create({ producerId: fixture.producerId, name: "Warehouse sync", scopes: ["read", "stock:write"] }),
  "integrations.keys.revoke": async (c) => c.integrations.keys.revoke({ apiKeyId: await apiKeyOfA() }),
  "webhooks.create": (c) => c.webhooks.create({ producerId: fixture.producerId, url: PUBLIC_HOOK_URL, eventTypes: ["stock.low"] }),
  "webhooks.update": (c) => c.webhooks.update({ endpointId: fixture.endpointId, description: "ERP" }),
  "webhooks.setEnabled": (c) => c.webhooks.setEnabled({ endpointId: fixture.endpointId, isEnabled: true }),
  "webhooks.delete": async (c) => c.webhooks.delete({ endpointId: (await endpointOfA(fixture.producerId)).id }),
  "webhooks.revealSecret": (c) => c.webhooks.revealSecret({ endpointId: fixture.endpointId }),
  "webhooks.rotateSecret": (c) => c.webhooks.rotateSecret({ endpointId: fixture.endpointId }),
  "webhooks.sendTest": (c) => c.webhooks.sendTest({ endpointId: fixture.endpointId }),
  "webhooks.deliveries": (c) => c.webhooks.deliveries({ endpointId: fixture.endpointId }),
  "webhooks.resend": async (c) => c.webhooks.resend({ deliveryId: await failedDeliveryOfA() }),
  "suppliers.get": (c) => c.suppliers.get({ supplierId: fixture.purchasing.supplierId }),
  "suppliers.create": (c) =>
    c.suppliers.create({ producerId: fixture.producerId, name: `Supplier ${randomUUID()}`, email: "s@supplier.test", leadTimeDays: 3 }),
  "suppliers.update": (c) =>
    c.suppliers.update({ supplierId: fixture.purchasing.supplierId, name: "Renamed supplier", email: "r@supplier.test", leadTimeDays: 5 }),
  "suppliers.setProduct": (c) =>
    c.suppliers.setProduct({ supplierId: fixture.purchasing.supplierId, productId: fixture.productId, unitCostCents: 120, packSize: 6, minOrderQuantity: 6 }),
  "suppliers.removeProduct": (c) => c.suppliers.removeProduct({ supplierId: fixture.purchasing.supplierId, productId: fixture.spareProductId }),
  "suppliers.setReorder": (c) => c.suppliers.setReorder({ productId: fixture.productId, safetyStock: 4, shelfLifeDays: 60 }),
  "purchaseOrders.get": (c) => c.purchaseOrders.get({ purchaseOrderId: fixture.purchasing.toEdit.purchaseOrderId }),
  "purchaseOrders.draft": (c) => c.purchaseOrders.draft({ productId: fixture.purchasing.draftProductId }),
  "purchaseOrders.updateLine": (c) => c.purchaseOrders.updateLine({ ...fixture.purchasing.toEdit, quantity: 7, unitCostCents: 90 }),
  "purchaseOrders.approve": (c) => c.purchaseOrders.approve({ purchaseOrderId: fixture.purchasing.toApprove.purchaseOrderId }),
  "purchaseOrders.reject": (c) => c.purchaseOrders.reject({ purchaseOrderId: fixture.purchasing.toReject.purchaseOrderId, reason: "Not this month" }),
  "purchaseOrders.cancel": (c) => c.purchaseOrders.cancel({ purchaseOrderId: fixture.purchasing.toCancel.purchaseOrderId }),
  "purchaseOrders.receive": (c) =>
    c.purchaseOrders.receive({ ...fixture.purchasing.toReceive, locationId: fixture.locationId, lotNumber: "PO-LOT-1", expiryDate: null, quantity: 1 }),
};

/** Rows of an answer that belong to producer A. */
const ofA = (rows: { producerId: string | null }[]) => rows.filter((r) => r.producerId === fixture.producerId).length;

export const today = () => utcDay(testDeps.deps.clock.now());
const days = () => ({ from: addDays(today(), -1), to: addDays(today(), 1) });

/** Staff lists and reports, called for the caller's own producer or naming one; `rows` counts what the answer shows. */
export const listCalls: Record<string, { call: (c: Caller, producerId?: string) => Promise<unknown>; rows: (answer: never) => number }> = {
  "products.list": { call: (c, producerId) => c.products.list({ producerId }), rows: (a: unknown[]) => a.length },
  "products.categories": {
    call: (c, producerId) => c.products.categories({ producerId }),
    rows: (a: string[]) => a.filter((c) => c.startsWith("Tenancy")).length,
  },
  "imports.list": { call: (c, producerId) => c.imports.list({ producerId }), rows: (a: unknown[]) => a.length },
  "webhooks.list": { call: (c, producerId) => c.webhooks.list({ producerId }), rows: (a: unknown[]) => a.length },
  "locations.list": { call: (c, producerId) => c.locations.list({ producerId }), rows: (a: unknown[]) => a.length },
  "orders.list": { call: (c, producerId) => c.orders.list({ producerId }), rows: (a: { total: number; orders: unknown[] }) => a.total + a.orders.length },
  "alerts.lowStock": { call: (c, producerId) => c.alerts.lowStock({ producerId }), rows: (a: unknown[]) => a.length },
  "alerts.notifications": { call: (c, producerId) => c.alerts.notifications({ producerId }), rows: (a: { items: unknown[] }) => a.items.length },
  "reports.dashboard": {
    call: (c, producerId) => c.reports.dashboard({ producerId }),
    rows: (a: { products: number; stockValueCents: number; expiringSoon: unknown[] }) => a.products + a.stockValueCents + a.expiringSoon.length,
  },
  "reports.inventory": {
    call: (c, producerId) => c.reports.inventory({ producerId }),
    rows: (a: { total: number; items: unknown[] }) => a.total + a.items.length,
  },
  "reports.movementSeries": {
    call: (c, producerId) => c.reports.movementSeries({ producerId, ...days() }),
    rows: (a: { inUnits: number; outUnits: number; writeOffUnits: number }[]) => a.reduce((sum, p) => sum + p.inUnits + p.outUnits + p.writeOffUnits, 0),
  },
  "reports.lowStockTrend": {
    call: (c, producerId) => c.reports.lowStockTrend({ producerId, ...days() }),
    rows: (a: { open: number }[]) => a.reduce((sum, d) => sum + d.open, 0),
  },
  "reports.restock": { call: (c, producerId) => c.reports.restock({ producerId }), rows: (a: unknown[]) => a.length },
  "reports.profitability": {
    call: (c, producerId) => c.reports.profitability({ producerId, ...days() }),
    rows: (a: { products: unknown[]; categories: unknown[] }) => a.products.length + a.categories.length,
  },
  "reports.expiryWaste": {
    call: (c, producerId) => c.reports.expiryWaste({ producerId, ...days() }),
    rows: (a: { lots: unknown[]; waste: unknown[]; bands: { units: number }[] }) =>
      a.lots.length + a.waste.length + a.bands.reduce((sum, b) => sum + b.units, 0),
  },
  "stock.batchUpdate": {
    call: (c, producerId) => c.stock.batchUpdate({ producerId, updates: [{ productId: fixture.productId, lotId: fixture.lotId, adjust: 1 }] }),
    rows: (a: { applied: number }) => a.applied,
  },
  "counts.list": { call: (c, producerId) => c.counts.list({ producerId }), rows: (a: unknown[]) => a.length },
  "counts.due": {
    // Products in an open count are not due: close the counts earlier calls opened.
    call: async (c, producerId) => {
      await database.current.db.countLine.updateMany({ data: { open: false } });
      return c.counts.due({ producerId });
    },
    rows: (a: unknown[]) => a.length,
  },
  "counts.accuracyTrend": {
    call: (c, producerId) => c.counts.accuracyTrend({ producerId, ...days() }),
    rows: (a: { countedLots: number }[]) => a.reduce((sum, d) => sum + d.countedLots, 0),
  },
  "suppliers.list": { call: (c, producerId) => c.suppliers.list({ producerId }), rows: (a: unknown[]) => a.length },
  "purchaseOrders.list": { call: (c, producerId) => c.purchaseOrders.list({ producerId }), rows: (a: unknown[]) => a.length },
  "staff.list": { call: (c, producerId) => c.staff.list({ producerId }), rows: ofA },
  "integrations.keys.list": { call: (c, producerId) => c.integrations.keys.list({ producerId }), rows: ofA },
  "staff.invitations": { call: (c, producerId) => c.staff.invitations({ producerId }), rows: ofA },
  "audit.list": { call: (c, producerId) => c.audit.list({ producerId }), rows: (a: { items: { producerId: string | null }[] }) => ofA(a.items) },
  "reports.expiryWasteCsv": {
    call: (c, producerId) => c.reports.expiryWasteCsv({ producerId, ...days() }),
    rows: (a: { csv: string }) => a.csv.trim().split("\n").length - 1,
  },
};
