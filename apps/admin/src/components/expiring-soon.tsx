import { Link } from "@tanstack/react-router";
import { formatCount, formatDay } from "../lib/format.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { useRouteQuery } from "../lib/use-route-query.ts";
import { Badge } from "./badges.tsx";
import { EmptyState } from "./empty-state.tsx";
import { Section } from "./section.tsx";

/** The ten lots that expire first (within 30 days), already expired ones included until they are written off. */
export function ExpiringSoon({ producerId }: { producerId: string | undefined }) {
  const { trpc } = useAppContext();
  const { data } = useRouteQuery(trpc.reports.dashboard.queryOptions({ producerId }));
  const lots = data.expiringSoon;

  return (
    <Section
      title="Expiring soon"
      className="expiring-soon"
      description="Lots in stock that expire within 30 days."
      actions={
        <Link to="/expiry" className="text-link">
          Expiry report
        </Link>
      }
    >
      {lots.length === 0 ? (
        <EmptyState title="No lots expire in the next 30 days" />
      ) : (
        <ul className="lot-list lot-list-columns">
          {lots.map((lot) => (
            <li key={lot.lotId}>
              <div className="lot-list-main">
                <Link to="/inventory/$productId" params={{ productId: lot.productId }}>
                  {lot.productName}
                </Link>
                <span className="muted small">
                  Lot {lot.lotNumber} · {lot.location} · {formatCount(lot.onHand)} on hand
                </span>
              </div>
              <div className="lot-list-side">
                {lot.isExpired ? <Badge tone="danger">Expired</Badge> : <Badge tone="warning">Expires</Badge>}
                <span className="small">{formatDay(lot.expiryDate)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
