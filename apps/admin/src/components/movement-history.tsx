import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { formatCount, formatDateTime, formatSigned } from "../lib/format.ts";
import type { Trpc } from "../lib/trpc.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { MovementTypeBadge } from "./badges.tsx";
import { EmptyState } from "./empty-state.tsx";
import { Section } from "./section.tsx";

const PAGE_SIZE = 20;

/** The product's ledger, newest first, a page at a time (keyset cursor). */
export function movementsQuery(trpc: Trpc, productId: string) {
  return trpc.stock.movements.infiniteQueryOptions({ productId, limit: PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor ?? undefined });
}

/** Who made a change: the staff member's name; the signed-in person sees themselves as "You". */
function actorText(movement: { actor: string; actorName: string }, myStaffId: string): string {
  return movement.actor === `staff:${myStaffId}` ? "You" : movement.actorName;
}

export function MovementHistory({ productId }: { productId: string }) {
  const { trpc, queryClient } = useAppContext();
  const me = queryClient.getQueryData(trpc.auth.me.queryKey());
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(movementsQuery(trpc, productId));
  const movements = data.pages.flatMap((page) => page.items);

  return (
    <Section title="Movement history" description="Every change of on-hand stock, newest first.">
      {movements.length === 0 ? (
        <EmptyState title="No movements yet" />
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table movements-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Type</th>
                  <th scope="col">Lot</th>
                  <th scope="col" className="numeric">
                    Change
                  </th>
                  <th scope="col" className="numeric">
                    On hand
                  </th>
                  <th scope="col">Reason</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {movements.map((movement) => (
                  <tr key={movement.id}>
                    <td data-label="When">{formatDateTime(movement.createdAt)}</td>
                    <td data-label="Type">
                      <MovementTypeBadge type={movement.type} />
                    </td>
                    <td data-label="Lot" className="cell-title">
                      {movement.lotNumber}
                    </td>
                    <td data-label="Change" className={`numeric strong ${movement.quantity > 0 ? "positive" : "negative"}`}>
                      {formatSigned(movement.quantity)}
                    </td>
                    <td data-label="On hand" className="numeric">
                      {formatCount(movement.previousOnHand)} → {formatCount(movement.newOnHand)}
                    </td>
                    <td data-label="Reason" className="wrap">
                      {movement.reason}
                    </td>
                    <td data-label="By">{actorText(movement, me?.staffId ?? "")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="load-more">
            {hasNextPage ? (
              <button type="button" className="button button-secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            ) : (
              <p className="muted small">{movements.length === 1 ? "1 movement" : `${formatCount(movements.length)} movements`}, the whole history.</p>
            )}
          </div>
        </>
      )}
    </Section>
  );
}
