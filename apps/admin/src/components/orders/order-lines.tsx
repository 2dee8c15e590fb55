import { formatMoney } from "@stockroom/ui";
import type { Order } from "../../lib/api-types.ts";
import { formatCount, formatDay } from "../../lib/format.ts";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";
import { productColumn } from "../data-table/product-column.tsx";
import { Section } from "../section.tsx";

type OrderLine = Order["lines"][number];

/** A line's lots: how many of each, where it is, and its use-by day. */
export function LineLots({ line }: { line: OrderLine }) {
  if (line.lots.length === 0) return <span className="muted">None (not tracked)</span>;
  return (
    <ul className="plain-list">
      {line.lots.map((lot) => (
        <li key={lot.lotId}>
          {formatCount(lot.quantity)} × lot {lot.lotNumber} · {lot.location}
          {lot.expiryDate ? ` · use by ${formatDay(lot.expiryDate)}` : null}
        </li>
      ))}
    </ul>
  );
}

const LINE_COLUMNS = [
  productColumn<OrderLine>((line) => ({ productId: line.productId, name: line.name, sku: line.sku })),
  column<OrderLine>("Quantity", (line) => formatCount(line.quantity), { numeric: true }),
  column<OrderLine>("Unit price", (line) => formatMoney(line.unitPriceCents), { numeric: true }),
  column<OrderLine>("Line total", (line) => formatMoney(line.unitPriceCents * line.quantity), { numeric: true }),
  column<OrderLine>("Lots", (line) => <LineLots line={line} />, { className: "wrap" }),
];

export function OrderLines({ order }: { order: Order }) {
  return (
    <Section title="Items" description="With the lots allocated to each line (first to expire, first out).">
      <DataTable data={order.lines} columns={LINE_COLUMNS} getRowId={(line) => line.productId} className="data-table order-lines-table" />
    </Section>
  );
}
