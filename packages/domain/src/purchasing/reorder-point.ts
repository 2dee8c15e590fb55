/** Sales velocity is measured over this many days of FULFILMENT movements. */
export const REORDER_VELOCITY_DAYS = 30;
/** A drafted order aims to cover this many days of sales beyond the reorder point. */
export const REORDER_COVER_DAYS = 30;

export interface ReorderInputs {
  /** Units sold (fulfilled) in the velocity window. */
  soldInWindow: number;
  windowDays: number;
  /** The preferred supplier's lead time. */
  leadTimeDays: number;
  /** The product's own safety stock; null: velocity x half the lead time (at least one day's sales). */
  safetyStock: number | null;
  /** Days a newly received lot keeps; null: no cap. */
  shelfLifeDays: number | null;
  available: number;
  /** Outstanding units on approved purchase orders. */
  onOrder: number;
  packSize: number;
  minOrderQuantity: number;
}

export interface ReorderPlan {
  velocity: number;
  safetyStock: number;
  reorderPoint: number;
  /** available + on order */
  position: number;
  isDue: boolean;
  /** Most units that sell before a new lot expires (shelf life x velocity); null without a shelf life. */
  shelfLifeCap: number | null;
  /** What to order now (0: nothing): rounded up to the pack size and at least the minimum order, never past the shelf-life cap. */
  quantity: number;
}

/**
 * The reorder rule, in one place: reorder point = velocity x lead time + safety stock; due when
 * available + on order is at or below it; the order tops the position up to the reorder point plus
 * REORDER_COVER_DAYS of sales, capped at what sells before a new lot's expiry. Pack rounding goes up,
 * unless that passes the cap, then down; under the supplier's minimum after that, nothing is ordered.
 */
export function reorderPlan(i: ReorderInputs): ReorderPlan {
  const velocity = i.windowDays > 0 ? i.soldInWindow / i.windowDays : 0;
  const safetyStock = i.safetyStock ?? (velocity > 0 ? Math.ceil(velocity * Math.max(1, i.leadTimeDays / 2)) : 0);
  const reorderPoint = Math.ceil(velocity * i.leadTimeDays) + safetyStock;
  const position = i.available + i.onOrder;
  const isDue = position <= reorderPoint;
  const shelfLifeCap = i.shelfLifeDays === null ? null : Math.floor(velocity * i.shelfLifeDays);
  const plan = { velocity, safetyStock, reorderPoint, position, isDue, shelfLifeCap, quantity: 0 };
  if (!isDue) return plan;
  const wanted = Math.min(reorderPoint + Math.ceil(velocity * REORDER_COVER_DAYS) - position, shelfLifeCap ?? Number.POSITIVE_INFINITY);
  if (wanted <= 0) return plan;
  const pack = Math.max(1, i.packSize);
  let quantity = Math.max(i.minOrderQuantity, Math.ceil(wanted / pack) * pack);
  if (shelfLifeCap !== null && quantity > shelfLifeCap) quantity = Math.floor(shelfLifeCap / pack) * pack;
  return { ...plan, quantity: quantity >= i.minOrderQuantity && quantity > 0 ? quantity : 0 };
}
