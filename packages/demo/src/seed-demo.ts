import { type Deps, hashPassword, runInventoryCheck } from "@stockroom/domain";
import { DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_PRODUCERS, DEMO_PRODUCTS, DEMO_STAFF } from "./demo-catalog.ts";
import { seedDemoAudit } from "./seed-audit.ts";
import { seedDemoPurchasing } from "./seed-purchasing.ts";
import { seedDemoStock } from "./seed-stock.ts";

/** Idempotent: upserts by natural keys, so running it on every start changes nothing the second time. */
export async function seedDemo(deps: Deps): Promise<{ producers: number; products: number; staff: number }> {
  const { db } = deps;
  const producerIds = new Map<string, string>();
  for (const p of DEMO_PRODUCERS) {
    const producer = await db.producer.upsert({ where: { slug: p.slug }, update: {}, create: { slug: p.slug, name: p.name, orderPrefix: p.orderPrefix } });
    producerIds.set(p.slug, producer.id);
    for (const [index, name] of p.locations.entries()) {
      await db.location.upsert({
        where: { producerId_name: { producerId: producer.id, name } },
        update: {},
        create: { producerId: producer.id, name, isSellable: index === 0, isCollectionPoint: index === 0 },
      });
    }
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const s of DEMO_STAFF) {
    const producerId = s.producer ? producerIds.get(s.producer) : null;
    await db.staff.upsert({ where: { email: s.email }, update: {}, create: { email: s.email, name: s.name, role: s.role, producerId, passwordHash } });
  }
  for (const c of DEMO_CUSTOMERS) await db.customer.upsert({ where: { email: c.email }, update: {}, create: { email: c.email, name: c.name } });
  for (const { producer, ...p } of DEMO_PRODUCTS) {
    const producerId = producerIds.get(producer) as string;
    await db.product.upsert({ where: { producerId_sku: { producerId, sku: p.sku } }, update: {}, create: { ...p, producerId } });
  }
  const admin = await db.staff.findUniqueOrThrow({ where: { email: "admin@stockroom.test" } });
  const adminActor = { kind: "staff" as const, staffId: admin.id, email: admin.email, name: admin.name, role: admin.role, producerId: null };
  await seedDemoStock(deps, adminActor);
  await seedDemoPurchasing(deps, adminActor);
  await seedDemoAudit(deps);
  // System health shows a drift check on first start (the worker's daily one comes later).
  if ((await db.inventoryCheck.count()) === 0) await runInventoryCheck(deps, { trigger: "schedule" });
  return { producers: DEMO_PRODUCERS.length, products: DEMO_PRODUCTS.length, staff: DEMO_STAFF.length };
}
