import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import type { Movement } from "../lib/api-types.ts";
import { formatCount, formatDateTime, formatSigned } from "../lib/format.ts";
import { movementsQuery } from "../lib/shared-queries.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { MovementTypeBadge } from "./badges.tsx";
import { column } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { EmptyState } from "./empty-state.tsx";
import { MovementsExport } from "./movements-export.tsx";
import { Section } from "./section.tsx";

/** Who made a change: the staff member's name; the signed-in person sees themselves as "You". */
function actorText(movement: { actor: string; actorName: string }, myStaffId: string): string {
  return movement.actor === `staff:${myStaffId}` ? "You" : movement.actorName;
}

function movementColumns(myStaffId: string) {
  return [
    column<Movement>("When", (movement) => formatDateTime(movement.createdAt)),
    column<Movement>("Type", (movement) => <MovementTypeBadge type={movement.type} />),
    column<Movement>("Lot", (movement) => movement.lotNumber, { className: "cell-title" }),
    column<Movement>("Change", (movement) => formatSigned(movement.quantity), {
      numeric: true,
      className: (movement) => `strong ${movement.quantity > 0 ? "positive" : "negative"}`,
    }),
    column<Movement>("On hand", (movement) => `${formatCount(movement.previousOnHand)} → ${formatCount(movement.newOnHand)}`, { numeric: true }),
    column<Movement>("Reason", (movement) => movement.reason, { className: "wrap" }),
    column<Movement>("By", (movement) => actorText(movement, myStaffId)),
  ];
}

export function MovementHistory({ productId }: { productId: string }) {
  const { trpc, queryClient } = useAppContext();
  const me = queryClient.getQueryData(trpc.auth.me.queryKey());
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(movementsQuery(trpc, productId));
  const movements = data.pages.flatMap((page) => page.items);

  return (
    <Section title="Movement history" description="Every change of on-hand stock, newest first." actions={<MovementsExport productId={productId} />}>
      {movements.length === 0 ? (
        <EmptyState title="No movements yet" />
      ) : (
        <>
          <DataTable
            data={movements}
            columns={movementColumns(me?.staffId ?? "")}
            getRowId={(movement) => String(movement.id)}
            className="data-table movements-table"
          />
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
