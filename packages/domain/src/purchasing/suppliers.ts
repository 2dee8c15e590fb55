import { randomBytes } from "node:crypto";
import { createSupplierInput, listSuppliersInput, updateSupplierInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, isDomainError, notFound } from "../errors.ts";
import { can, requirePermission } from "../permissions.ts";
import { parseInput } from "../validation.ts";
import { checkWebhookUrl } from "../webhooks/url-safety.ts";
import { webhookSettingsOf } from "../webhooks/webhook-settings.ts";

type Reader = Deps["db"] | Tx;

/** A standardwebhooks secret: signs our POSTs to the supplier and verifies theirs to us. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** A supplier's webhook URL obeys the same address rules as our webhook endpoints (no private or local addresses: SSRF). */
async function checkSupplierWebhookUrl(deps: Deps, url: string | null | undefined): Promise<void> {
  if (!url) return;
  try {
    await checkWebhookUrl(url, webhookSettingsOf(deps));
  } catch (error) {
    if (isDomainError(error) && error.fields?.url) throw new DomainError(error.code, error.userMessage, { fields: { webhookUrl: error.fields.url } });
    throw error;
  }
}

/** Another producer's supplier is indistinguishable from a missing one. */
export async function findOwnedSupplier(db: Reader, actor: StaffActor, supplierId: string) {
  const scope = scopeProducerId(actor);
  const supplier = await db.supplier.findFirst({ where: { id: supplierId, ...(scope ? { producerId: scope } : {}) } });
  if (!supplier) throw notFound("Supplier");
  return supplier;
}

function producerFor(actor: StaffActor, requested: string | undefined): string {
  const producerId = scopeProducerId(actor, requested);
  if (!producerId) throw new DomainError("VALIDATION_FAILED", "Choose a producer.", { fields: { producerId: "Choose a producer." } });
  return producerId;
}

async function nameClash<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new DomainError("VALIDATION_FAILED", "A supplier with this name exists.", { fields: { name: "Already used." }, cause: error });
    throw error;
  }
}

export async function createSupplier(deps: Deps, actor: StaffActor, input: z.input<typeof createSupplierInput>) {
  requirePermission(actor, "purchasing.manage");
  const { producerId: requested, ...data } = parseInput(createSupplierInput, input);
  const producerId = producerFor(actor, requested);
  if (requested && !(await deps.db.producer.findUnique({ where: { id: requested } }))) throw notFound("Producer");
  await checkSupplierWebhookUrl(deps, data.webhookUrl);
  return nameClash(() =>
    deps.db.$transaction(async (tx) => {
      const supplier = await tx.supplier.create({ data: { ...data, producerId, webhookSecret: newWebhookSecret() } });
      await recordAudit(tx, { action: "supplier.created", producerId, actor, target: { type: "supplier", id: supplier.id }, at: deps.clock.now() });
      return supplierView(supplier);
    }),
  );
}

export async function updateSupplier(deps: Deps, actor: StaffActor, input: z.input<typeof updateSupplierInput>) {
  requirePermission(actor, "purchasing.manage");
  const { supplierId, ...data } = parseInput(updateSupplierInput, input);
  const existing = await findOwnedSupplier(deps.db, actor, supplierId);
  await checkSupplierWebhookUrl(deps, data.webhookUrl);
  return nameClash(() =>
    deps.db.$transaction(async (tx) => {
      const supplier = await tx.supplier.update({ where: { id: existing.id }, data });
      await recordAudit(tx, {
        action: "supplier.updated",
        producerId: supplier.producerId,
        actor,
        target: { type: "supplier", id: supplier.id },
        at: deps.clock.now(),
      });
      return supplierView(supplier);
    }),
  );
}

export async function listSuppliers(deps: Deps, actor: StaffActor, input: z.input<typeof listSuppliersInput>) {
  const { producerId } = parseInput(listSuppliersInput, input);
  const scope = scopeProducerId(actor, producerId);
  const rows = await deps.db.supplier.findMany({
    where: scope ? { producerId: scope } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: { _count: { select: { products: true } } },
    take: 500,
  });
  return rows.map((s) => ({ ...supplierView(s), productCount: s._count.products }));
}

/** One supplier with its products. The webhook secret shows only to those who manage purchasing. */
export async function getSupplier(deps: Deps, actor: StaffActor, input: { supplierId: string }) {
  const supplier = await findOwnedSupplier(deps.db, actor, input.supplierId);
  const products = await deps.db.supplierProduct.findMany({
    where: { supplierId: supplier.id },
    include: { product: { select: { name: true, sku: true } } },
    orderBy: { product: { name: "asc" } },
  });
  return {
    ...supplierView(supplier),
    webhookSecret: can(actor, "purchasing.manage") ? supplier.webhookSecret : null,
    products: products.map((p) => ({
      productId: p.productId,
      productName: p.product.name,
      sku: p.product.sku,
      supplierSku: p.supplierSku,
      unitCostCents: p.unitCostCents,
      packSize: p.packSize,
      minOrderQuantity: p.minOrderQuantity,
      isPreferred: p.isPreferred,
      supplierStock: p.supplierStock,
      supplierStockAt: p.supplierStockAt?.toISOString() ?? null,
    })),
  };
}

export function supplierView(s: {
  id: string;
  producerId: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  channel: "EMAIL" | "WEBHOOK";
  webhookUrl: string | null;
  leadTimeDays: number;
  notes: string | null;
}) {
  const { id, producerId, name, contactName, email, phone, channel, webhookUrl, leadTimeDays, notes } = s;
  return { id, producerId, name, contactName, email, phone, channel, webhookUrl, leadTimeDays, notes };
}
