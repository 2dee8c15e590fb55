import { Link } from "@tanstack/react-router";
import { formatCount } from "../lib/format.ts";
import type { Trpc } from "../lib/trpc.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { useRouteQuery } from "../lib/use-route-query.ts";
import { Badge } from "./badges.tsx";
import { EmptyState } from "./empty-state.tsx";
import { Section } from "./section.tsx";
import { SelectFilter } from "./select-filter.tsx";

type Severity = "out" | "low";

/** Every open alert of the scope (the server's maximum; one per product below its minimum at most). */
export function lowStockQuery(trpc: Trpc, producerId: string | undefined) {
  return trpc.alerts.lowStock.queryOptions({ producerId, limit: 500 });
}
const SEVERITY_OPTIONS = [
  { value: "out", label: "Out of stock" },
  { value: "low", label: "Low" },
] as const;

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
      {shown.length === 0 ? (
        <EmptyState title={alerts.length === 0 ? "Nothing is below its minimum" : "No alerts match these filters"}>
          {alerts.length === 0 ? "Open alerts appear here when a product falls below its minimum level." : "Try another category or severity."}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table low-stock-table">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Category</th>
                <th scope="col">Severity</th>
                <th scope="col" className="numeric">
                  Available
                </th>
                <th scope="col" className="numeric">
                  Minimum
                </th>
                <th scope="col" className="numeric">
                  Days open
                </th>
                <th scope="col" className="numeric">
                  Escalation
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((alert) => (
                <tr key={alert.id}>
                  <td data-label="Product" className="cell-title">
                    <Link to="/inventory/$productId" params={{ productId: alert.productId }}>
                      {alert.productName}
                    </Link>
                    <span className="sku">{alert.sku}</span>
                  </td>
                  <td data-label="Category">{alert.category}</td>
                  <td data-label="Severity">{alert.available === 0 ? <Badge tone="danger">Out of stock</Badge> : <Badge tone="warning">Low</Badge>}</td>
                  <td data-label="Available" className="numeric">
                    {formatCount(alert.available)}
                  </td>
                  <td data-label="Minimum" className="numeric">
                    {formatCount(alert.minimum)}
                  </td>
                  <td data-label="Days open" className="numeric">
                    {formatCount(alert.daysOpen)}
                  </td>
                  <td data-label="Escalation" className="numeric">
                    {alert.escalationLevel > 0 ? <Badge tone="danger">Level {alert.escalationLevel}</Badge> : <span className="muted">None</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
