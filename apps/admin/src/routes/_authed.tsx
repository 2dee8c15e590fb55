import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { AppHeader } from "../components/app-header.tsx";

/** Every page inside needs a signed-in staff member; the rest are sent to sign in and brought back. */
export const Route = createFileRoute("/_authed")({
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { me };
  },
  component: AuthedLayout,
});

function AuthedLayout() {
  const { me } = Route.useRouteContext();
  return (
    <div className="app-shell">
      <AppHeader me={me} />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
