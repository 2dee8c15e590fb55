import { ROLE_LABELS } from "@stockroom/contracts";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useRouterState, useSearch } from "@tanstack/react-router";
import { MAIN_NAV, SETTINGS_NAV } from "../lib/nav.ts";
import { useCan } from "../lib/permissions.tsx";
import { removeStaffData } from "../lib/session-cache.ts";
import { isPlatformAdmin, type Staff } from "../lib/staff.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { ErrorBanner } from "./error-banner.tsx";
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
  const can = useCan();
  // A settings page keeps "Settings" highlighted.
  const path = useRouterState({ select: (state) => state.location.pathname });
  const isSettingsPage = SETTINGS_NAV.some((item) => path.endsWith(item.to));
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
          <Link to="/account" className="account-identity" title="Your account: password and sessions" activeProps={activeLink}>
            <span className="avatar" aria-hidden="true">
              {initials(me.name)}
            </span>
            <div className="account-who">
              <span className="account-name">{me.name}</span>
              <span className="account-role">{ROLE_LABELS[me.role]}</span>
            </div>
          </Link>
          <button type="button" className="button button-secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {signOut.isPending ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
      <div className="app-nav-row">
        <nav className="app-nav" aria-label="Main">
          {MAIN_NAV.filter((item) => !item.permission || can(item.permission)).map((item) => (
            <Link key={item.to} to={item.to} activeOptions={{ exact: item.to === "/", includeSearch: false }} activeProps={activeLink}>
              {item.label}
            </Link>
          ))}
          {SETTINGS_NAV.some((item) => !item.permission || can(item.permission)) ? (
            <Link to="/settings" activeProps={activeLink} className={isSettingsPage ? "active" : undefined}>
              Settings
            </Link>
          ) : null}
        </nav>
        {isPlatformAdmin(me) ? <HeaderProducerSwitcher /> : null}
      </div>
      <ErrorBanner error={signOut.error} />
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
