import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { formatDateTime, formatPercent } from "../../lib/format.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { Badge } from "../badges.tsx";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";
import { COUNT_STATUS_LABELS, type CountSummary, countScope } from "./count-scope.ts";

/** An open count's progress: lots counted of all (read from the count itself). */
function Progress({ count }: { count: CountSummary }) {
  const { trpc } = useAppContext();
  const { data } = useQuery({ ...trpc.counts.get.queryOptions({ sessionId: count.id }), enabled: count.status === "COUNTING" });
  if (count.status !== "COUNTING") return `${count.lines} lots`;
  return data ? `${data.summary.counted} of ${data.summary.lines} lots` : `${count.lines} lots`;
}

export function CountsTable({ counts, locationName }: { counts: CountSummary[]; locationName: (id: string) => string | undefined }) {
  const columns = [
    column<CountSummary>(
      "Count",
      (c) => (
        <Link to="/counts/$countId" params={{ countId: c.id }} search={(prev) => prev}>
          {countScope(c, locationName)}
          {c.blind ? " (blind)" : ""}
        </Link>
      ),
      { className: "cell-title", isRowHeader: true },
    ),
    column<CountSummary>("Status", (c) => (
      <Badge tone={c.status === "COUNTING" ? "info" : c.status === "APPROVED" ? "success" : "neutral"}>{COUNT_STATUS_LABELS[c.status]}</Badge>
    )),
    column<CountSummary>("Progress", (c) => <Progress count={c} />),
    column<CountSummary>("Accuracy", (c) => (c.accuracyRate === null ? "—" : formatPercent(c.accuracyRate)), { numeric: true }),
    column<CountSummary>("Started", (c) => formatDateTime(c.startedAt)),
  ];
  return (
    <DataTable
      data={counts}
      columns={columns}
      getRowId={(c) => c.id}
      className="data-table counts-table"
      label="Counts"
      rowAttributes={(c) => ({ "data-count": c.id, "data-status": c.status })}
      empty={{ title: "No counts yet", children: "Start one to check what is on the shelves against the system." }}
    />
  );
}
