import type { ReturnDisposition } from "@stockroom/contracts";

/** What an order view loads of its returns (get-orders.ts includes it). */
export const returnsInclude = {
  include: {
    lines: {
      include: { lot: { select: { lotNumber: true } }, orderLine: { select: { productId: true, product: { select: { name: true } } } } },
      orderBy: { id: "asc" as const },
    },
  },
  orderBy: { createdAt: "asc" as const },
};

interface LoadedReturn {
  id: string;
  reason: string;
  actorName: string;
  createdAt: Date;
  lines: {
    orderLineId: string;
    lotId: string;
    quantity: number;
    disposition: ReturnDisposition;
    lot: { lotNumber: string };
    orderLine: { productId: string; product: { name: string } };
  }[];
}

/** The order's returns, oldest first: when, who, why, and per line the lot, quantity and disposition. */
export function returnsView(returns: LoadedReturn[]) {
  return returns.map((r) => ({
    id: r.id,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    by: r.actorName,
    lines: r.lines.map((l) => ({
      orderLineId: l.orderLineId,
      productId: l.orderLine.productId,
      name: l.orderLine.product.name,
      lotId: l.lotId,
      lotNumber: l.lot.lotNumber,
      quantity: l.quantity,
      disposition: l.disposition,
    })),
  }));
}
export type ReturnView = ReturnType<typeof returnsView>[number];
