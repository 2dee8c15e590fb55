import { createFileRoute } from "@tanstack/react-router";
import { ChangePasswordForm } from "../../components/change-password-form.tsx";
import { OwnSessions } from "../../components/own-sessions.tsx";
import { Section } from "../../components/section.tsx";
import { loadQuery } from "../../lib/route-data.ts";

export const Route = createFileRoute("/_authed/account")({
  loader: ({ context: { queryClient, trpc }, cause }) => loadQuery(queryClient, cause, trpc.account.sessions.queryOptions()),
  head: () => ({ meta: [{ title: "Your account · Stockroom Admin" }] }),
  component: AccountPage,
});

function AccountPage() {
  const { me } = Route.useRouteContext();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Your account</h1>
        <p className="muted">
          Signed in as {me.name} ({me.email}).
        </p>
      </div>
      <div className="account-layout">
        <Section
          title="Sessions"
          description="Where your account is signed in. A session unused for an hour ends by itself; sign out any you do not recognise."
          className="account-sessions"
        >
          <OwnSessions />
        </Section>
        <Section title="Change password" description="Your other sessions are signed out; this one stays." className="account-password">
          <ChangePasswordForm />
        </Section>
      </div>
    </div>
  );
}
