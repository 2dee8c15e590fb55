import { createFileRoute, Link, redirect, useRouter } from "@tanstack/react-router";
import { z } from "zod";
import { AuthCard } from "../components/auth-card.tsx";
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
    <AuthCard title="Sign in" intro="Manage your products and stock.">
      <SignInForm onSignedIn={onSignedIn} />
      <p className="auth-card-footer">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </AuthCard>
  );
}
