import { errorMessage } from "@stockroom/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatDateTime } from "../lib/format.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { describeUserAgent } from "../lib/user-agent.ts";
import { Badge } from "./badges.tsx";
import { column } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";

type OwnSession = ApiOutputs["account"]["sessions"][number];

/** The signed-in person's sessions, each revocable; this one is marked and kept. */
export function OwnSessions() {
  const { trpc } = useAppContext();
  const queryClient = useQueryClient();
  const { data: sessions } = useSuspenseQuery(trpc.account.sessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.account.sessions.pathFilter());
  const revoke = useMutation(trpc.account.revokeSession.mutationOptions({ onSettled: refresh }));
  const revokeOthers = useMutation(trpc.account.revokeOtherSessions.mutationOptions({ onSettled: refresh }));
  const error = revoke.error ?? revokeOthers.error;
  const others = sessions.filter((s) => !s.isCurrent).length;

  const columns = [
    column<OwnSession>(
      "Device",
      (s) => (
        <span className="session-device">
          {describeUserAgent(s.userAgent)} {s.isCurrent ? <Badge tone="success">This session</Badge> : null}
        </span>
      ),
      { isRowHeader: true },
    ),
    column<OwnSession>("IP address", (s) => s.ip ?? "Unknown"),
    column<OwnSession>("Signed in", (s) => formatDateTime(s.createdAt)),
    column<OwnSession>("Last active", (s) => formatDateTime(s.lastSeenAt)),
    column<OwnSession>(
      "Actions",
      (s) =>
        s.isCurrent ? null : (
          <button
            type="button"
            className="button button-small button-danger-outline"
            onClick={() => revoke.mutate({ id: s.id })}
            disabled={revoke.isPending && revoke.variables?.id === s.id}
          >
            Sign out
          </button>
        ),
      { isHeaderHidden: true, isUnlabelled: true, className: "actions" },
    ),
  ];

  return (
    <div className="own-sessions">
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <DataTable data={sessions} columns={columns} getRowId={(s) => s.id} className="data-table sessions-table" label="Your sessions" />
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={() => revokeOthers.mutate()} disabled={others === 0 || revokeOthers.isPending}>
          {revokeOthers.isPending ? "Signing out…" : "Sign out everywhere else"}
        </button>
        <p className="form-success" role="status" aria-live="polite">
          {revokeOthers.data ? `${revokeOthers.data.count === 1 ? "1 session" : `${revokeOthers.data.count} sessions`} signed out.` : null}
        </p>
      </div>
    </div>
  );
}
