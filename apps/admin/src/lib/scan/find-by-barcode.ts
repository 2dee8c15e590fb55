import type { QueryClient } from "@tanstack/react-query";
import type { Trpc } from "../trpc.ts";

/**
 * The product whose barcode is exactly `code`: the inventory search (which matches barcodes) narrows
 * it down, the product's own record confirms it. Null when none has it.
 */
export async function findProductByBarcode(queryClient: QueryClient, trpc: Trpc, code: string, producerId: string | undefined): Promise<string | null> {
  const { items } = await queryClient.fetchQuery(trpc.reports.inventory.queryOptions({ search: code, producerId, pageSize: 10 }));
  for (const item of items) {
    const detail = await queryClient.fetchQuery(trpc.reports.product.queryOptions({ productId: item.id }));
    if (detail.product.barcode === code) return item.id;
  }
  return null;
}
