import { API_KEY_SCOPE_LABELS } from "@stockroom/contracts";
import { useMutation } from "@tanstack/react-query";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { Badge } from "../badges.tsx";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";
import { ErrorBanner } from "../error-banner.tsx";

type KeyRow = ApiOutputs["integrations"]["keys"]["list"][number];

const STATUS = {
  ACTIVE: <Badge tone="success">Active</Badge>,
  EXPIRED: <Badge tone="warning">Expired</Badge>,
  REVOKED: <Badge tone="danger">Revoked</Badge>,
} as const;

/** A producer's keys: what each may do, when it was last used, and revoke (confirmed). */
export function ApiKeysTable({ keys }: { keys: KeyRow[] }) {
  const { trpc, queryClient } = useAppContext();
  const revoke = useMutation(trpc.integrations.keys.revoke.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.integrations.pathFilter()) }));
  const columns = [
    column<KeyRow>("Name", (k) => k.name, { className: "cell-title wrap", isRowHeader: true }),
    column<KeyRow>("Prefix", (k) => <code>{k.prefix}</code>),
    column<KeyRow>(
      "Scopes",
      (k) => (
        <span className="scope-list">
          {k.scopes.map((scope) => (
            <code key={scope} title={API_KEY_SCOPE_LABELS[scope as keyof typeof API_KEY_SCOPE_LABELS]}>
              {scope}
            </code>
          ))}
        </span>
      ),
      { className: "wrap" },
    ),
    column<KeyRow>("Created", (k) => formatDateTime(k.createdAt)),
    column<KeyRow>("Last used", (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never")),
    column<KeyRow>("Expires", (k) => (k.expiresAt ? formatDateTime(k.expiresAt) : "Never")),
    column<KeyRow>("Status", (k) => STATUS[k.status]),
    column<KeyRow>(
      "Actions",
      (k) =>
        k.status === "REVOKED" ? null : (
          <button
            type="button"
            className="button button-danger-outline button-small"
            disabled={revoke.isPending}
            onClick={() => {
              if (window.confirm(`Revoke the key "${k.name}" (${k.prefix})? Anything using it stops working at once.`)) revoke.mutate({ apiKeyId: k.id });
            }}
          >
            Revoke
          </button>
        ),
      { isHeaderHidden: true },
    ),
  ];
  return (
    <>
      <ErrorBanner error={revoke.error} />
      <DataTable
        data={keys}
        columns={columns}
        getRowId={(k) => k.id}
        className="data-table api-keys-table"
        empty={{ title: "No API keys yet", children: "Create one above for each system that needs access." }}
      />
    </>
  );
}
