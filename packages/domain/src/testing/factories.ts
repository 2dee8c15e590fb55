import { randomUUID } from "node:crypto";
import type { Db, StaffRole } from "@stockroom/db";
import type { StaffActor } from "../actor.ts";
import { hashPassword } from "../auth/password.ts";

const unique = () => randomUUID().slice(0, 8);

export async function createProducer(db: Db, name = `Producer ${unique()}`) {
  return db.producer.create({ data: { name, slug: `p-${unique()}` } });
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

export async function createStaff(db: Db, options: { role: StaffRole; producerId?: string | null; email?: string }) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.staff.create({
    data: {
      email: options.email ?? `staff-${unique()}@test.example`,
      name: `Staff ${unique()}`,
      role: options.role,
      producerId: options.producerId ?? null,
      passwordHash: await cachedHash,
    },
  });
}

export function actorFor(staff: { id: string; email: string; name: string; role: StaffRole; producerId: string | null }): StaffActor {
  return { kind: "staff", staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: staff.producerId };
}

export async function createProduct(
  db: Db,
  producerId: string,
  data: Partial<{
    name: string;
    sku: string;
    category: string;
    priceCents: number;
    minStockLevel: number;
    trackInventory: boolean;
    maxPerCart: number | null;
  }> = {},
) {
  return db.product.create({
    data: {
      producerId,
      sku: data.sku ?? `SKU-${unique()}`,
      name: data.name ?? `Product ${unique()}`,
      category: data.category ?? "General",
      priceCents: data.priceCents ?? 500,
      unitCostCents: 200,
      minStockLevel: data.minStockLevel ?? 5,
      trackInventory: data.trackInventory ?? true,
      maxPerCart: data.maxPerCart ?? null,
    },
  });
}
