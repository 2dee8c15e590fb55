import { createFileRoute } from "@tanstack/react-router";
import { InviteStaffForm } from "../../components/invite-staff-form.tsx";
import { Section } from "../../components/section.tsx";
import { InvitationsTable, StaffTable } from "../../components/staff-table.tsx";
import { actingProducerId, scopedProducerId } from "../../lib/producer-scope.ts";
import { loadQuery } from "../../lib/route-data.ts";
import { isPlatformAdmin, type Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

const staffQuery = (trpc: Trpc, me: Staff, producerId: string | undefined) => trpc.staff.list.queryOptions({ producerId: scopedProducerId(me, producerId) });
const invitationsQuery = (trpc: Trpc, me: Staff, producerId: string | undefined) =>
  trpc.staff.invitations.queryOptions({ producerId: scopedProducerId(me, producerId) });

export const Route = createFileRoute("/_authed/staff")({
  loaderDeps: ({ search }) => ({ producerId: search.producerId }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) =>
    Promise.all([
      loadQuery(queryClient, cause, staffQuery(trpc, me, deps.producerId)),
      loadQuery(queryClient, cause, invitationsQuery(trpc, me, deps.producerId)),
    ]),
  head: () => ({ meta: [{ title: "Staff · Stockroom Admin" }] }),
  component: StaffPage,
});

function StaffPage() {
  const { me, trpc } = Route.useRouteContext();
  const { producerId } = Route.useSearch();
  const { data: staff, isUpdating } = useRouteQuery(staffQuery(trpc, me, producerId));
  const { data: invitations } = useRouteQuery(invitationsQuery(trpc, me, producerId));
  const acting = actingProducerId(me, producerId);

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Staff</h1>
        <p className="muted">Who can sign in, and what their role lets them do. Deactivating someone signs them out at once.</p>
      </div>
      <Section title="Staff accounts" isBusy={isUpdating}>
        <StaffTable staff={staff} />
      </Section>
      <Section title="Invite someone" description="They get an email with a link that works once and expires.">
        <InviteStaffForm key={acting ?? "platform"} producerId={acting} isPlatform={isPlatformAdmin(me)} />
      </Section>
      <Section title="Open invitations">
        <InvitationsTable invitations={invitations} />
      </Section>
    </div>
  );
}
