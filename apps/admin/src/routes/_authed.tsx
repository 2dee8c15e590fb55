import { createFileRoute, Outlet, redirect, retainSearchParams } from "@tanstack/react-router";
import { AppHeader } from "../components/app-header.tsx";
import { DeferredOutboxStatus } from "../components/offline/deferred-outbox-status.tsx";
import { PermissionsProvider } from "../lib/permissions.tsx";
import { producerSearchSchema } from "../lib/producer-scope.ts";
import { isPlatformAdmin } from "../lib/staff.ts";

/** Every page inside needs a signed-in staff member; the rest are sent to sign in and brought back. */
export const Route = createFileRoute("/_authed")({
  // A platform admin's producer choice follows them from page to page.
  validateSearch: producerSearchSchema,
  search: { middlewares: [retainSearchParams(["producerId"])] },
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { me };
  },
  loader: async ({ context: { queryClient, trpc, me } }) => {
    if (isPlatformAdmin(me)) await queryClient.ensureQueryData(trpc.producers.list.queryOptions());
  },
  component: AuthedLayout,
});

function AuthedLayout() {
  const { me } = Route.useRouteContext();
  return (
    <PermissionsProvider permissions={me.permissions}>
      <div className="app-shell">
        <AppHeader me={me} />
        <main className="app-main">
          <DeferredOutboxStatus />
          <Outlet />
        </main>
      </div>
    </PermissionsProvider>
  );
}
