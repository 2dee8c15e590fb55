import { ROLE_LABELS, type StaffRoleName } from "@stockroom/contracts";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatDateTime } from "../lib/format.ts";
import { column } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";

type AuditRow = ApiOutputs["audit"]["list"]["items"][number];

export const AUDIT_LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_out": "Signed out",
  "auth.password_reset_requested": "Password reset requested",
  "auth.password_reset": "Password reset",
  "auth.password_changed": "Password changed",
  "auth.session_revoked": "Session revoked",
  "staff.invited": "Staff invited",
  "staff.invitation_revoked": "Invitation revoked",
  "staff.invitation_accepted": "Invitation accepted",
  "staff.role_changed": "Role changed",
  "staff.deactivated": "Staff deactivated",
  "staff.reactivated": "Staff reactivated",
  "producer.created": "Producer created",
  "producer.suspended": "Producer suspended",
  "producer.reactivated": "Producer reactivated",
  "alerts.settings_changed": "Alert settings changed",
  "location.collection_point_changed": "Collection point changed",
  "integrations.key_created": "API key created",
  "integrations.key_revoked": "API key revoked",
  "webhooks.endpoint_created": "Webhook endpoint added",
  "webhooks.endpoint_updated": "Webhook endpoint changed",
  "webhooks.endpoint_enabled": "Webhook endpoint switched on",
  "webhooks.endpoint_disabled": "Webhook endpoint switched off",
  "webhooks.endpoint_deleted": "Webhook endpoint deleted",
  "webhooks.secret_rotated": "Webhook secret rotated",
  "webhooks.secret_revealed": "Webhook secret revealed",
  "webhooks.delivery_resent": "Webhook delivery sent again",
  "webhooks.test_sent": "Webhook test event sent",
  "system.inventory_check_requested": "Drift check requested",
};

const roleLabel = (value: unknown) => (typeof value === "string" && value in ROLE_LABELS ? ROLE_LABELS[value as StaffRoleName] : String(value));

/** One line on what changed, from the event's details. */
function summary(event: AuditRow): string {
  const d = event.details ?? {};
  if (event.action === "staff.role_changed") return `${String(d.email)}: ${roleLabel(d.from)} → ${roleLabel(d.to)}`;
  if (typeof d.email === "string") return d.role ? `${d.email} as ${roleLabel(d.role)}` : d.email;
  if (event.action === "location.collection_point_changed") return `${String(d.name)}: ${d.to ? "customers can collect here" : "no longer a collection point"}`;
  if (typeof d.name === "string") return `${d.name} (${String(d.slug)})`;
  if (event.action === "alerts.settings_changed") return "Recipients, channels or quiet hours";
  return event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "";
}

export function AuditTable({ events, showProducer }: { events: AuditRow[]; showProducer: boolean }) {
  const columns = [
    column<AuditRow>("When", (e) => formatDateTime(e.at)),
    column<AuditRow>("Action", (e) => AUDIT_LABELS[e.action] ?? e.action, { className: "cell-title" }),
    column<AuditRow>("Who", (e) => e.actorEmail ?? "—", { className: "wrap" }),
    ...(showProducer ? [column<AuditRow>("Producer", (e) => e.producerName ?? "Platform")] : []),
    column<AuditRow>("Details", summary, { className: "wrap" }),
  ];
  return (
    <DataTable
      data={events}
      columns={columns}
      getRowId={(e) => e.id}
      className="data-table audit-table"
      empty={{ title: "No events", children: "Nothing matches these filters." }}
    />
  );
}
