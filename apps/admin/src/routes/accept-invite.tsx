import { acceptInvitationInput, ROLE_LABELS } from "@stockroom/contracts";
import { errorMessage, FormField } from "@stockroom/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useRouter } from "@tanstack/react-router";
import { z } from "zod";
import { AuthCard } from "../components/auth-card.tsx";
import { FormAlert } from "../components/form-parts.tsx";
import { removeStaffData } from "../lib/session-cache.ts";
import { useApiForm } from "../lib/use-api-form.ts";

const formSchema = acceptInvitationInput
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match.", path: ["confirm"] })
  .transform(({ confirm: _confirm, ...rest }) => rest);

/** Public: the page an invitation email links to. Shows who invited you, then creates your account and signs you in. */
export const Route = createFileRoute("/accept-invite")({
  validateSearch: z.object({ token: z.string().max(200).optional().catch(undefined) }),
  head: () => ({ meta: [{ title: "Accept invitation · Stockroom Admin" }] }),
  component: AcceptInvitePage,
});

function AcceptInvitePage() {
  const { token = "" } = Route.useSearch();
  const { trpc } = Route.useRouteContext();
  const invitation = useQuery({ ...trpc.auth.invitation.queryOptions({ token }), enabled: token !== "", retry: false });

  return (
    <AuthCard title="Accept invitation">
      {token === "" || invitation.isError ? (
        <>
          <p className="form-error" role="alert">
            {token === "" ? "This link has no invitation in it." : "This invitation link is no longer valid: it was used, revoked or has expired."}
          </p>
          <p className="muted">Ask whoever invited you to send a new one.</p>
          <Link to="/sign-in" search={{}}>
            Go to sign in
          </Link>
        </>
      ) : invitation.data ? (
        <>
          <p className="muted">
            {invitation.data.invitedByName} ({invitation.data.invitedByEmail}) invited <strong>{invitation.data.email}</strong> to{" "}
            {invitation.data.producerName ?? "Stockroom"} as {ROLE_LABELS[invitation.data.role].toLowerCase()}.
          </p>
          <AcceptForm token={token} email={invitation.data.email} />
        </>
      ) : (
        <p className="muted">Loading the invitation…</p>
      )}
    </AuthCard>
  );
}

function AcceptForm({ token, email }: { token: string; email: string }) {
  const { trpc, queryClient } = Route.useRouteContext();
  const router = useRouter();
  const accept = useMutation(
    trpc.auth.acceptInvitation.mutationOptions({
      onSuccess: async (staff) => {
        removeStaffData(queryClient, trpc);
        queryClient.setQueryData(trpc.auth.me.queryKey(), staff);
        await router.navigate({ to: "/", replace: true });
      },
    }),
  );
  const { form, message } = useApiForm({ schema: formSchema, defaultValues: { token, name: "", password: "", confirm: "" }, serverError: accept.error });
  const submit = form.handleSubmit((values) => accept.mutate(values));
  return (
    <form className="sign-in-form" onSubmit={submit} noValidate aria-label="Create your account">
      <FormAlert message={message ?? (accept.error ? errorMessage(accept.error) : null)} />
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <FormField form={form} name="name" label="Your name">
        {(props) => <input {...props} autoComplete="name" />}
      </FormField>
      <FormField form={form} name="password" label="Password" hint="At least 12 characters.">
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </FormField>
      <FormField form={form} name="confirm" label="Confirm password">
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </FormField>
      <button type="submit" className="button button-block" disabled={accept.isPending}>
        {accept.isPending ? "Creating your account…" : "Create account and sign in"}
      </button>
    </form>
  );
}
