import type { Deps } from "../deps.ts";
import { setReorderSetting, setSupplierProduct } from "../purchasing/supplier-products.ts";
import { createSupplier } from "../purchasing/suppliers.ts";
import { applyMovementOrFail } from "../stock/apply-movement.ts";
import type { createStockWorld } from "./stock-fixtures.ts";

type World = Awaited<ReturnType<typeof createStockWorld>>;

/** A supplier of the world's producer (EMAIL unless a webhook URL is given). */
export async function supplierFor(deps: Deps, world: World, options: { leadTimeDays?: number; webhookUrl?: string; email?: string } = {}) {
  return createSupplier(deps, world.admin, {
    producerId: world.producer.id,
    name: `Supplier ${crypto.randomUUID().slice(0, 8)}`,
    email: options.email ?? "orders@supplier.test",
    channel: options.webhookUrl ? "WEBHOOK" : "EMAIL",
    webhookUrl: options.webhookUrl ?? null,
    leadTimeDays: options.leadTimeDays ?? 10,
  });
}

/** Makes `supplierId` the product's preferred supplier with these terms (and optional reorder settings). */
export async function preferSupplier(
  deps: Deps,
  world: World,
  input: { supplierId: string; productId: string; packSize?: number; minOrderQuantity?: number; unitCostCents?: number; supplierSku?: string },
  reorder?: { safetyStock: number | null; shelfLifeDays: number | null },
) {
  await setSupplierProduct(deps, world.admin, {
    supplierId: input.supplierId,
    productId: input.productId,
    supplierSku: input.supplierSku ?? null,
    unitCostCents: input.unitCostCents ?? 150,
    packSize: input.packSize ?? 1,
    minOrderQuantity: input.minOrderQuantity ?? 1,
    isPreferred: true,
  });
  if (reorder) await setReorderSetting(deps, world.admin, { productId: input.productId, ...reorder });
}

/** Records `units` sold from a lot (a FULFILMENT movement at the clock's time), the sales the velocity reads. */
export async function recordSales(deps: Deps, lotId: string, units: number) {
  await deps.db.$transaction((tx) =>
    applyMovementOrFail(
      tx,
      { lotId, type: "FULFILMENT", quantity: -units, reason: "sold", actor: "test", at: deps.clock.now() },
      () => new Error("not enough stock") as never,
    ),
  );
}
