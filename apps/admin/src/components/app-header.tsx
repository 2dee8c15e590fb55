import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { errorMessage } from "../lib/server-error.ts";
import type { Staff } from "../lib/staff.ts";
import { useAppContext } from "../lib/use-app-context.ts";

const ROLE_LABELS: Record<Staff["role"], string> = {
  PLATFORM_ADMIN: "Platform admin",
  PRODUCER_ADMIN: "Producer admin",
  PRODUCER_STAFF: "Producer staff",
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

export function AppHeader({ me }: { me: Staff }) {
  const { trpc, queryClient } = useAppContext();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        await navigate({ to: "/sign-in" });
        // Only once no page is showing them, so nothing refetches them without a session.
        queryClient.removeQueries(trpc.products.pathFilter());
        queryClient.removeQueries(trpc.producers.pathFilter());
      },
    }),
  );

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          Stockroom Admin
        </Link>
        <div className="account">
          <div className="account-identity">
            <span className="avatar" aria-hidden="true">
              {initials(me.name)}
            </span>
            <div className="account-who">
              <span className="account-name">{me.name}</span>
              <span className="account-role">{ROLE_LABELS[me.role]}</span>
            </div>
          </div>
          <button type="button" className="button button-secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {signOut.isPending ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
      {signOut.isError ? (
        <p className="banner-error" role="alert">
          {errorMessage(signOut.error)}
        </p>
      ) : null}
    </header>
  );
}
