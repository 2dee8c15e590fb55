import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCount } from "../lib/format.ts";
import { lowStockQuery } from "../lib/shared-queries.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { useRouteQuery } from "../lib/use-route-query.ts";
import { Badge } from "./badges.tsx";
import { column } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { productColumn } from "./data-table/product-column.tsx";
import { Section } from "./section.tsx";
import { SelectFilter } from "./select-filter.tsx";

type Severity = "out" | "low";

const SEVERITY_OPTIONS = [
  { value: "out", label: "Out of stock" },
  { value: "low", label: "Low" },
] as const;

type Alert = ApiOutputs["alerts"]["lowStock"][number];

const COLUMNS = [
  productColumn<Alert>((alert) => ({ productId: alert.productId, name: alert.productName, sku: alert.sku })),
  column<Alert>("Category", (alert) => alert.category),
  column<Alert>("Severity", (alert) => (alert.available === 0 ? <Badge tone="danger">Out of stock</Badge> : <Badge tone="warning">Low</Badge>)),
  column<Alert>("Available", (alert) => formatCount(alert.available), { numeric: true }),
  column<Alert>("Minimum", (alert) => formatCount(alert.minimum), { numeric: true }),
  column<Alert>("Days open", (alert) => formatCount(alert.daysOpen), { numeric: true }),
  column<Alert>(
    "Escalation",
    (alert) => (alert.escalationLevel > 0 ? <Badge tone="danger">Level {alert.escalationLevel}</Badge> : <span className="muted">None</span>),
    { numeric: true },
  ),
];

interface LowStockWidgetProps {
  producerId: string | undefined;
  category: string | undefined;
  severity: Severity | undefined;
  onFilter: (filters: { alertCategory?: string | undefined; severity?: Severity | undefined }) => void;
}

/**
 * Open low-stock alerts. The server lists them all (at most a few hundred: one per product below its
 * minimum); category and severity narrow the list here. Alerts carry no location, so there is no
 * location filter.
 */
export function LowStockWidget({ producerId, category, severity, onFilter }: LowStockWidgetProps) {
  const { trpc } = useAppContext();
  const { data: alerts } = useRouteQuery(lowStockQuery(trpc, producerId));
  const categories = [...new Set(alerts.map((alert) => alert.category))].sort();
  if (category && !categories.includes(category)) categories.push(category);
  const shown = alerts.filter(
    (alert) => (!category || alert.category === category) && (!severity || (severity === "out" ? alert.available === 0 : alert.available > 0)),
  );

  return (
    <Section
      title="Low stock"
      className="low-stock-widget"
      description={`${formatCount(alerts.length)} open ${alerts.length === 1 ? "alert" : "alerts"}${shown.length !== alerts.length ? `, ${formatCount(shown.length)} shown` : ""}`}
    >
      <div className="toolbar toolbar-compact">
        <SelectFilter
          label="Category"
          allLabel="All categories"
          value={category}
          options={categories.map((value) => ({ value, label: value }))}
          onChange={(value) => onFilter({ alertCategory: value })}
        />
        <SelectFilter
          label="Severity"
          allLabel="Any severity"
          value={severity}
          options={SEVERITY_OPTIONS}
          onChange={(value) => onFilter({ severity: value })}
        />
      </div>
      <DataTable
        data={shown}
        columns={COLUMNS}
        getRowId={(alert) => alert.id}
        className="data-table low-stock-table"
        empty={
          alerts.length === 0
            ? { title: "Nothing is below its minimum", children: "Open alerts appear here when a product falls below its minimum level." }
            : { title: "No alerts match these filters", children: "Try another category or severity." }
        }
      />
    </Section>
  );
}
