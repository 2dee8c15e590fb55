import type { Tx } from "@stockroom/db";
import { DomainError } from "../errors.ts";
import { addDays } from "./sql-time.ts";

export const QUARANTINE_LOCATION_NAME = "Quarantine";

interface ProductRules {
  name: string;
  requiresExpiryDate: boolean;
  minShelfLifeDays: number | null;
}

export interface ShelfLifeRefusal {
  /** Short, for the expiryDate field or an import row's column. */
  reason: string;
  /** The whole sentence, without the way out (the form offers quarantine; an import names the location). */
  message: string;
  /** Received into quarantine, the lot would be accepted. */
  canQuarantine: boolean;
}

/**
 * The receiving rule a new lot breaks, or null: products that require an expiry date refuse lots
 * without one; a lot already expired, or with less shelf life left than the product's minimum, is
 * refused unless it goes into quarantine. The receive form and CSV stock imports both ask this.
 */
export function shelfLifeRefusal(product: ProductRules, expiryDate: string | null | undefined, today: string, quarantine: boolean): ShelfLifeRefusal | null {
  if (!expiryDate) {
    return product.requiresExpiryDate
      ? { reason: "Enter the expiry date.", message: `${product.name} needs an expiry date on every lot.`, canQuarantine: false }
      : null;
  }
  if (quarantine) return null;
  if (expiryDate <= today) return { reason: "Already expired.", message: `This lot expired on ${expiryDate}.`, canQuarantine: true };
  const minimum = product.minShelfLifeDays ?? 0;
  if (minimum > 0 && expiryDate < addDays(today, minimum)) {
    return {
      reason: `Less than ${minimum} days left.`,
      message: `${product.name} must have at least ${minimum} days of shelf life left to be sold.`,
      canQuarantine: true,
    };
  }
  return null;
}

/** The receive form's check: a refusal is a field error, and `details.canQuarantine` tells the form to offer quarantine. */
export function checkReceivingRules(product: ProductRules, expiryDate: string | null | undefined, today: string, quarantine: boolean): void {
  const refusal = shelfLifeRefusal(product, expiryDate, today, quarantine);
  if (!refusal) return;
  const message = refusal.canQuarantine ? `${refusal.message} Receive it into quarantine to record it without selling it.` : refusal.message;
  throw new DomainError("VALIDATION_FAILED", message, {
    fields: { expiryDate: refusal.reason },
    ...(refusal.canQuarantine ? { details: { canQuarantine: true } } : {}),
  });
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
