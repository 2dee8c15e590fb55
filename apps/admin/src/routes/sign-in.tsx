import { createFileRoute, redirect, useRouter } from "@tanstack/react-router";
import { z } from "zod";
import { SignInForm } from "../components/sign-in-form.tsx";
import { safeRedirect } from "../lib/safe-redirect.ts";
import { removeStaffData } from "../lib/session-cache.ts";
import type { Staff } from "../lib/staff.ts";

export const Route = createFileRoute("/sign-in")({
  validateSearch: z.object({ redirect: z.string().optional().catch(undefined) }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  head: () => ({ meta: [{ title: "Sign in · Stockroom Admin" }] }),
  component: SignInPage,
});

function SignInPage() {
  const { queryClient, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const router = useRouter();

  const onSignedIn = async (staff: Staff) => {
    // Drop anything cached for whoever used this tab before, then remember who is signed in now.
    removeStaffData(queryClient, trpc);
    queryClient.setQueryData(trpc.auth.me.queryKey(), staff);
    await router.navigate({ href: safeRedirect(search.redirect), replace: true });
  };

  return (
    <main className="sign-in-page">
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <span>Stockroom Admin</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">Manage your products and stock.</p>
        <SignInForm onSignedIn={onSignedIn} />
      </div>
    </main>
  );
}
