import type { Tx } from "@stockroom/db";
import { DomainError } from "../errors.ts";
import { addDays } from "./sql-time.ts";

export const QUARANTINE_LOCATION_NAME = "Quarantine";

interface ProductRules {
  name: string;
  requiresExpiryDate: boolean;
  minShelfLifeDays: number | null;
}

/**
 * Whether a lot may be received as sellable stock: products that require an expiry date refuse lots
 * without one; a lot already expired, or with less shelf life left than the product's minimum, is
 * refused unless it is received into quarantine (`details.canQuarantine` tells the form to offer it).
 */
export function checkReceivingRules(product: ProductRules, expiryDate: string | null | undefined, today: string, quarantine: boolean): void {
  if (!expiryDate) {
    if (product.requiresExpiryDate)
      throw new DomainError("VALIDATION_FAILED", `${product.name} needs an expiry date on every lot.`, { fields: { expiryDate: "Enter the expiry date." } });
    return;
  }
  if (quarantine) return;
  if (expiryDate <= today) {
    throw new DomainError("VALIDATION_FAILED", `This lot expired on ${expiryDate}. Receive it into quarantine to record it without selling it.`, {
      fields: { expiryDate: "Already expired." },
      details: { canQuarantine: true },
    });
  }
  const minimum = product.minShelfLifeDays ?? 0;
  if (minimum > 0 && expiryDate < addDays(today, minimum)) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `${product.name} must have at least ${minimum} days of shelf life left to be sold. Receive it into quarantine to record it without selling it.`,
      { fields: { expiryDate: `Less than ${minimum} days left.` }, details: { canQuarantine: true } },
    );
  }
}

/** The producer's quarantine location (never sellable), made on first use; concurrent first uses make one. */
export async function quarantineLocationId(tx: Tx, producerId: string): Promise<string> {
  await tx.$executeRaw`
    INSERT INTO "Location" (id, "producerId", name, "isSellable", "isQuarantine")
    VALUES (gen_random_uuid(), ${producerId}::uuid, ${QUARANTINE_LOCATION_NAME}, false, true)
    ON CONFLICT DO NOTHING`;
  const location = await tx.location.findFirst({ where: { producerId, isQuarantine: true }, select: { id: true } });
  if (!location)
    throw new DomainError("CONFLICT", `A location named ${QUARANTINE_LOCATION_NAME} already exists and is not the quarantine. Rename it and try again.`);
  return location.id;
}
