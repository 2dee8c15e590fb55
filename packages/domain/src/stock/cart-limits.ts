import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { OverLimitLine } from "./hold-coalescer-types.ts";

/** CART_MAX_PER_PRODUCT when unset: units of one product a cart or order may hold, unless the product sets maxPerCart. */
export const DEFAULT_CART_MAX_PER_PRODUCT = 100;
/** CART_MAX_UNITS when unset: units of all products together in one cart or order. */
export const DEFAULT_CART_MAX_UNITS = 500;

export function cartMaxPerProduct(deps: Pick<Deps, "cartMaxPerProduct">): number {
  return deps.cartMaxPerProduct ?? DEFAULT_CART_MAX_PER_PRODUCT;
}

/**
 * The cart's total, checked before any database work (the per-product limit needs the product: SQL
 * checks it under the lock). A line that alone is over the total carries the reason on its field.
 */
export function checkCartUnits(deps: Pick<Deps, "cartMaxUnits">, lines: { quantity: number }[]): void {
  const max = deps.cartMaxUnits ?? DEFAULT_CART_MAX_UNITS;
  const total = lines.reduce((sum, l) => sum + l.quantity, 0);
  if (total > max) {
    const message = `At most ${max} units per order in all.`;
    const tooBig = lines.flatMap((l, i) => (l.quantity > max ? [[`lines.${i}.quantity`, message] as const] : []));
    throw new DomainError("VALIDATION_FAILED", `A cart holds at most ${max} units in all; this one has ${total}.`, {
      fields: tooBig.length ? Object.fromEntries(tooBig) : { lines: message },
      details: { maxUnits: max, requested: total },
    });
  }
}

/** Over-limit lines become VALIDATION_FAILED naming each line's quantity field (`lines.<i>.quantity`). */
export function overLimitError(lines: { productId: string }[], overLimit: OverLimitLine[]): DomainError {
  const fields: Record<string, string> = {};
  for (const over of overLimit) {
    const index = lines.findIndex((l) => l.productId === over.productId);
    fields[`lines.${index}.quantity`] = `At most ${over.max} per order for this product.`;
  }
  const [first] = overLimit;
  const summary =
    overLimit.length === 1 && first
      ? `At most ${first.max} per order for this product.`
      : `${overLimit.length} lines are above their product's limit per order.`;
  return new DomainError("VALIDATION_FAILED", summary, { fields, details: { overLimit } });
}

/** Lines for archived products become VALIDATION_FAILED naming each line's product field (`lines.<i>.productId`). */
export function archivedError(lines: { productId: string }[], archived: string[]): DomainError {
  const message = "This product is no longer sold.";
  const fields = Object.fromEntries(archived.map((productId) => [`lines.${lines.findIndex((l) => l.productId === productId)}.productId`, message]));
  return new DomainError("VALIDATION_FAILED", archived.length === 1 ? message : `${archived.length} products are no longer sold.`, {
    fields,
    details: { archivedProductIds: archived },
  });
}
