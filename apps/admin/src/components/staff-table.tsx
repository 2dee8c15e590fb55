import { PRODUCER_ROLES, ROLE_LABELS, type StaffRoleName } from "@stockroom/contracts";
import { useMutation } from "@tanstack/react-query";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatDateTime } from "../lib/format.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { Badge } from "./badges.tsx";
import { column } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { ErrorBanner } from "./error-banner.tsx";

type StaffRow = ApiOutputs["staff"]["list"][number];
type InvitationRow = ApiOutputs["staff"]["invitations"][number];

/** The row actions' mutations; any refusal (the last admin, say) is shown above the table. */
function useStaffActions() {
  const { trpc, queryClient } = useAppContext();
  const refresh = { onSuccess: () => queryClient.invalidateQueries(trpc.staff.pathFilter()) };
  const setRole = useMutation(trpc.staff.setRole.mutationOptions(refresh));
  const deactivate = useMutation(trpc.staff.deactivate.mutationOptions(refresh));
  const reactivate = useMutation(trpc.staff.reactivate.mutationOptions(refresh));
  const revoke = useMutation(trpc.staff.revokeInvitation.mutationOptions(refresh));
  const error = setRole.error ?? deactivate.error ?? reactivate.error ?? revoke.error;
  /** Clears the last refusal, then runs the action. */
  const run = (action: () => void) => {
    for (const m of [setRole, deactivate, reactivate, revoke]) m.reset();
    action();
  };
  return { setRole, deactivate, reactivate, revoke, error, run };
}

export function StaffTable({ staff }: { staff: StaffRow[] }) {
  const actions = useStaffActions();
  const columns = [
    column<StaffRow>(
      "Name",
      (s) => (
        <>
          {s.name} {s.isYou ? <Badge tone="info">You</Badge> : null}
        </>
      ),
      { className: "cell-title", isRowHeader: true },
    ),
    column<StaffRow>("Email", (s) => s.email, { className: "wrap" }),
    column<StaffRow>(
      "Role",
      (s) =>
        s.isYou || !s.producerId ? (
          ROLE_LABELS[s.role]
        ) : (
          <select
            aria-label={`Role of ${s.name}`}
            value={s.role}
            disabled={actions.setRole.isPending}
            onChange={(event) => {
              const role = event.target.value as StaffRoleName;
              actions.run(() => actions.setRole.mutate({ staffId: s.id, role }));
            }}
          >
            {PRODUCER_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        ),
      // A full row on phones: the select is wider than a third of a card.
      { className: "wrap" },
    ),
    column<StaffRow>("Status", (s) => (s.deactivatedAt ? <Badge tone="danger">Deactivated</Badge> : <Badge tone="success">Active</Badge>)),
    column<StaffRow>(
      "Actions",
      (s) =>
        s.isYou ? null : s.deactivatedAt ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => actions.run(() => actions.reactivate.mutate({ staffId: s.id }))}
          >
            Reactivate
          </button>
        ) : (
          <button type="button" className="button button-danger button-small" onClick={() => actions.run(() => actions.deactivate.mutate({ staffId: s.id }))}>
            Deactivate
          </button>
        ),
      { isHeaderHidden: true },
    ),
  ];
  return (
    <>
      <ErrorBanner error={actions.error} />
      <DataTable
        data={staff}
        columns={columns}
        getRowId={(s) => s.id}
        className="data-table staff-table"
        empty={{ title: "No staff yet", children: "Invite someone below." }}
      />
    </>
  );
}

export function InvitationsTable({ invitations }: { invitations: InvitationRow[] }) {
  const actions = useStaffActions();
  const columns = [
    column<InvitationRow>("Email", (i) => i.email, { className: "cell-title wrap", isRowHeader: true }),
    column<InvitationRow>("Role", (i) => ROLE_LABELS[i.role]),
    column<InvitationRow>("Invited by", (i) => i.invitedByEmail, { className: "wrap" }),
    column<InvitationRow>("Expires", (i) => formatDateTime(i.expiresAt)),
    column<InvitationRow>(
      "Actions",
      (i) => (
        <button type="button" className="button button-secondary button-small" onClick={() => actions.run(() => actions.revoke.mutate({ invitationId: i.id }))}>
          Revoke
        </button>
      ),
      { isHeaderHidden: true },
    ),
  ];
  return (
    <>
      <ErrorBanner error={actions.error} />
      <DataTable
        data={invitations}
        columns={columns}
        getRowId={(i) => i.id}
        className="data-table invitations-table"
        empty={{ title: "No open invitations", children: "Invitations waiting to be accepted appear here." }}
      />
    </>
  );
}
