import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { CountLineList } from "../../../components/counts/count-line-list.tsx";
import { CountReview } from "../../../components/counts/count-review.tsx";
import { COUNT_STATUS_LABELS, type CountLine, countScope } from "../../../components/counts/count-scope.ts";
import { ScannerDialog } from "../../../components/scan/scanner-dialog.tsx";
import { formatCount, formatPercent } from "../../../lib/format.ts";
import { enqueue } from "../../../lib/offline/outbox.ts";
import { useOutboxItems } from "../../../lib/offline/use-outbox.ts";
import { useCan } from "../../../lib/permissions.tsx";
import { loadQuery } from "../../../lib/route-data.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

export const Route = createFileRoute("/_authed/counts/$countId")({
  validateSearch: z.object({ tab: z.enum(["count", "review"]).optional().catch(undefined) }),
  loader: ({ context: { queryClient, trpc }, params, cause }) => loadQuery(queryClient, cause, trpc.counts.get.queryOptions({ sessionId: params.countId })),
  head: () => ({ meta: [{ title: "Count · Stockroom Admin" }] }),
  component: CountPage,
});

function CountPage() {
  const { trpc } = Route.useRouteContext();
  const { countId } = Route.useParams();
  const { tab } = Route.useSearch();
  const navigate = Route.useNavigate();
  const can = useCan();
  const { data: count } = useRouteQuery(trpc.counts.get.queryOptions({ sessionId: countId }));
  const isReview = tab === "review" && can("counts.manage");
  const { summary } = count;
  return (
    <div className="page count-page">
      <div className="page-heading">
        <p className="small">
          <Link to="/counts" search={(prev) => ({ producerId: prev.producerId })}>
            ← Counts
          </Link>
        </p>
        <h1>{countScope(count, () => count.lines[0]?.locationName)}</h1>
        <p className="muted" data-testid="count-progress">
          {COUNT_STATUS_LABELS[count.status]}
          {count.blind ? " · blind" : ""} · {formatCount(summary.counted)} of {formatCount(summary.lines)} lots counted
          {summary.accuracyRate === null ? "" : ` · accuracy ${formatPercent(summary.accuracyRate)}`}
        </p>
      </div>
      {can("counts.manage") ? (
        <div className="tabs" role="tablist" aria-label="Count views">
          {(["count", "review"] as const).map((value) => (
            <button
              key={value}
              type="button"
              role="tab"
              className="tab"
              aria-selected={(tab ?? "count") === value}
              onClick={() => void navigate({ search: (prev) => ({ ...prev, tab: value === "count" ? undefined : value }), replace: true })}
            >
              {value === "count" ? "Count" : `Review${summary.needRecount ? ` (${summary.needRecount} to recount)` : ""}`}
            </button>
          ))}
        </div>
      ) : null}
      {isReview ? <CountReview count={count} /> : <CountingView countId={countId} />}
    </div>
  );
}

function CountingView({ countId }: { countId: string }) {
  const { trpc } = Route.useRouteContext();
  const { data: count } = useRouteQuery(trpc.counts.get.queryOptions({ sessionId: countId }));
  const [filter, setFilter] = useState("");
  const [openLotId, setOpenLotId] = useState<string | null>(null);
  const [isScanning, setScanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [lotChoice, setLotChoice] = useState<CountLine[] | null>(null);
  const outbox = useOutboxItems();
  const pending = new Map<string, number>();
  for (const item of outbox)
    if (item.kind === "count" && item.status === "waiting" && item.input.sessionId === countId)
      pending.set(item.input.lotId, (pending.get(item.input.lotId) ?? 0) + item.input.quantity);

  const addOne = async (line: CountLine) => {
    setLotChoice(null);
    await enqueue(
      { kind: "count", input: { sessionId: countId, lotId: line.lotId, quantity: 1 } },
      `${line.productName} lot ${line.lotNumber}: +1 counted (scan)`,
    );
    setMessage(`Scanned: +1 ${line.productName} (lot ${line.lotNumber}).`);
  };
  const onCode = (code: string) => {
    setScanning(false);
    const lines = count.lines.filter((line) => line.barcode === code);
    if (lines.length === 0) setMessage(`No lot in this count has the barcode ${code}.`);
    else if (lines.length === 1 && lines[0]) void addOne(lines[0]);
    else setLotChoice(lines);
  };

  return (
    <>
      <div className="count-toolbar">
        <input
          type="search"
          className="count-search"
          aria-label="Find a lot"
          placeholder="Product, SKU, lot or barcode"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {count.status === "COUNTING" ? (
          <button type="button" className="button count-scan" onClick={() => setScanning(true)}>
            Scan
          </button>
        ) : null}
      </div>
      <p className="form-success" role="status" aria-live="polite">
        {message}
      </p>
      {lotChoice ? (
        <fieldset className="lot-choice">
          <legend>Which lot of {lotChoice[0]?.productName}?</legend>
          {lotChoice.map((line) => (
            <button key={line.lotId} type="button" className="button button-secondary" onClick={() => void addOne(line)}>
              Lot {line.lotNumber} · {line.locationName}
            </button>
          ))}
        </fieldset>
      ) : null}
      {isScanning ? <ScannerDialog title="Scan into this count" onCode={onCode} onClose={() => setScanning(false)} /> : null}
      <CountLineList count={count} filter={filter} pending={pending} openLotId={openLotId} onOpen={setOpenLotId} onDone={setMessage} />
    </>
  );
}
