import { createFileRoute } from "@tanstack/react-router";
import { ApiKeysTable } from "../../../components/integrations/api-keys-table.tsx";
import { CreateApiKeyForm } from "../../../components/integrations/create-api-key-form.tsx";
import { Section } from "../../../components/section.tsx";
import { actingProducerId, scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

const keysQuery = (trpc: Trpc, me: Staff, producerId: string | undefined) =>
  trpc.integrations.keys.list.queryOptions({ producerId: scopedProducerId(me, producerId) });

export const Route = createFileRoute("/_authed/integrations/api-keys")({
  loaderDeps: ({ search }) => ({ producerId: search.producerId }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, keysQuery(trpc, me, deps.producerId)),
  head: () => ({ meta: [{ title: "API keys · Stockroom Admin" }] }),
  component: ApiKeysPage,
});

function ApiKeysPage() {
  const { me, trpc } = Route.useRouteContext();
  const { producerId } = Route.useSearch();
  const { data: keys, isUpdating } = useRouteQuery(keysQuery(trpc, me, producerId));
  const acting = actingProducerId(me, producerId);

  return (
    <div className="page">
      <div className="page-heading">
        <h1>API keys</h1>
        <p className="muted">
          Keys let your other systems use the <a href="/api/v1/docs/">REST API</a> as your producer, with only the scopes you give them. Revoking a key stops it
          at once.
        </p>
      </div>
      {acting ? (
        <Section title="Create a key" description="The secret is shown once, right after you create the key.">
          <CreateApiKeyForm key={acting} producerId={acting} />
        </Section>
      ) : (
        <p className="muted">Choose a producer to create a key for it.</p>
      )}
      <Section title="Keys" isBusy={isUpdating}>
        <ApiKeysTable keys={keys} />
      </Section>
    </div>
  );
}
