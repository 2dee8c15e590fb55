import { ROLE_LABELS } from "@stockroom/contracts";
import { errorMessage } from "@stockroom/ui";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { IfCan } from "../lib/permissions.tsx";
import { removeStaffData } from "../lib/session-cache.ts";
import { isPlatformAdmin, type Staff } from "../lib/staff.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { ProducerSwitcher } from "./producer-switcher.tsx";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

const activeLink = { className: "active", "aria-current": "page" } as const;

export function AppHeader({ me }: { me: Staff }) {
  const { trpc, queryClient } = useAppContext();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        await navigate({ to: "/sign-in" });
        // Only once no page is showing them, so nothing refetches them without a session.
        removeStaffData(queryClient, trpc);
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
      <div className="app-nav-row">
        <nav className="app-nav" aria-label="Main">
          <Link to="/" activeOptions={{ exact: true, includeSearch: false }} activeProps={activeLink}>
            Dashboard
          </Link>
          <Link to="/inventory" activeOptions={{ includeSearch: false }} activeProps={activeLink}>
            Inventory
          </Link>
          <IfCan permission="catalog.view">
            <Link to="/products" activeOptions={{ includeSearch: false }} activeProps={activeLink}>
              Products
            </Link>
            <Link to="/locations" activeOptions={{ includeSearch: false }} activeProps={activeLink}>
              Locations
            </Link>
          </IfCan>
          <IfCan permission="orders.view">
            <Link to="/orders" activeOptions={{ includeSearch: false }} activeProps={activeLink}>
              Orders
            </Link>
          </IfCan>
          <IfCan permission="analytics.view">
            <Link to="/analytics" activeOptions={{ includeSearch: false }} activeProps={activeLink}>
              Analytics
            </Link>
            <Link to="/expiry" activeOptions={{ includeSearch: false }} activeProps={activeLink}>
              Expiry &amp; waste
            </Link>
          </IfCan>
          <IfCan permission="alerts.manage">
            <Link to="/notifications" activeOptions={{ includeSearch: false }} activeProps={activeLink}>
              Notifications
            </Link>
          </IfCan>
        </nav>
        {isPlatformAdmin(me) ? <HeaderProducerSwitcher /> : null}
      </div>
      {signOut.isError ? (
        <p className="banner-error" role="alert">
          {errorMessage(signOut.error)}
        </p>
      ) : null}
    </header>
  );
}

/** Changing producer keeps the page and its filters, but starts lists from their first page. */
function HeaderProducerSwitcher() {
  const { trpc } = useAppContext();
  const { data: producers } = useSuspenseQuery(trpc.producers.list.queryOptions());
  const { producerId } = useSearch({ from: "/_authed" });
  const navigate = useNavigate();
  const onChange = (next: string | undefined) =>
    void navigate({
      to: ".",
      search: (prev: Record<string, unknown>) => ({ ...prev, producerId: next, page: undefined, locationId: undefined }),
    });
  return <ProducerSwitcher producers={producers} value={producerId} onChange={onChange} />;
}
