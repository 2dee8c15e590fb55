import { useTestDatabase } from "@stockroom/db/testing";
import type { StaffRoleName } from "@stockroom/domain";
import { createStaff, createStockWorld, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

// Probe 2 of issue 13, over HTTP: producer staff could rewrite the alert recipients (and so make the
// platform text any number), change prices, and see costs and margins.
const database = useTestDatabase();
const server = useTestServer(database);

const json = { "content-type": "application/json", "x-stockroom-csrf": "1" };
let world: Awaited<ReturnType<typeof createStockWorld>>;
let productId: string;

beforeAll(async () => {
  world = await createStockWorld(database.current.db);
  ({
    product: { id: productId },
  } = await productWithStock(server.testDeps.deps, world, [{ quantity: 5 }]));
});

async function signedIn(role: StaffRoleName): Promise<string> {
  const staff = await createStaff(database.current.db, { role, producerId: world.producer.id });
  const response = await server.app.inject({
    method: "POST",
    url: "/trpc/auth.signIn",
    headers: json,
    payload: { email: staff.email, password: TEST_PASSWORD },
  });
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? "";
}

const call = (cookie: string, method: "GET" | "POST", path: string, input: unknown) =>
  server.app.inject({
    method,
    url: method === "GET" ? `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}` : `/trpc/${path}`,
    headers: json,
    cookies: { [SESSION_COOKIE]: cookie },
    ...(method === "POST" ? { payload: input as object } : {}),
  });

const recipients = {
  producerId: "",
  emailRecipients: [],
  smsRecipients: ["+2348000000000"],
  whatsappRecipients: [],
  lowStockChannels: ["SMS"],
  escalationChannels: [],
  expiryChannels: [],
  quietHoursStartHour: null,
  quietHoursEndHour: null,
};

describe("producer staff over HTTP", () => {
  it("cannot rewrite alert recipients or change a price: 403 FORBIDDEN, nothing saved", async () => {
    const staff = await signedIn("PRODUCER_STAFF");
    const settings = await call(staff, "POST", "alerts.updateSettings", { ...recipients, producerId: world.producer.id });
    expect(settings.statusCode).toBe(403);
    expect(settings.json().error.data.domainCode).toBe("FORBIDDEN");
    expect(await database.current.db.alertSettings.count({ where: { producerId: world.producer.id, smsRecipients: { has: "+2348000000000" } } })).toBe(0);

    const before = await database.current.db.product.findUniqueOrThrow({ where: { id: productId } });
    const price = await call(staff, "POST", "products.update", { productId, priceCents: 1 });
    expect(price.statusCode).toBe(403);
    expect((await database.current.db.product.findUniqueOrThrow({ where: { id: productId } })).priceCents).toBe(before.priceCents);
  });

  it("sees stock but no costs: every cost field is null, and profitability is refused", async () => {
    const staff = await signedIn("PRODUCER_STAFF");
    const inventory = await call(staff, "GET", "reports.inventory", {});
    expect(inventory.statusCode).toBe(200);
    const [row] = inventory.json().result.data.items;
    expect(row).toMatchObject({ id: productId, onHand: 5, valueCents: null });
    const detail = (await call(staff, "GET", "reports.product", { productId })).json().result.data;
    expect(detail.product.unitCostCents).toBeNull();
    expect(detail.lots.map((lot: { unitCostCents: number | null }) => lot.unitCostCents)).toEqual([null]);
    const profit = await call(staff, "GET", "reports.profitability", { from: "2026-01-01", to: "2026-01-31" });
    expect(profit.statusCode).toBe(403);
  });

  it("the producer admin sees the same answers with their costs", async () => {
    const admin = await signedIn("PRODUCER_ADMIN");
    const [row] = (await call(admin, "GET", "reports.inventory", {})).json().result.data.items;
    expect(row.valueCents).toBeGreaterThan(0);
  });
});
