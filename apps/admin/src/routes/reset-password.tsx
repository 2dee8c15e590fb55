import { newPasswordSchema } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { z } from "zod";
import { AuthCard } from "../components/auth-card.tsx";
import { FormAlert } from "../components/form-parts.tsx";
import { useApiForm } from "../lib/use-api-form.ts";

const schema = z
  .object({ password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

export const Route = createFileRoute("/reset-password")({
  validateSearch: z.object({ token: z.string().max(100).optional().catch(undefined) }),
  head: () => ({ meta: [{ title: "Choose a new password · Stockroom Admin" }] }),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const { trpc } = Route.useRouteContext();
  const { token } = Route.useSearch();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  // The token's refusal (expired, used) has no field on this form: it shows in the form's alert.
  const { form, message } = useApiForm({ schema, defaultValues: { password: "", confirmPassword: "" }, serverError: reset.error });
  const submit = form.handleSubmit(({ password }) => reset.mutate({ token: token ?? "", password }));

  if (!token) {
    return (
      <AuthCard title="This link is incomplete" intro="Open the link from the email again, or ask for a new one.">
        <p className="auth-card-footer">
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </AuthCard>
    );
  }
  if (reset.isSuccess) {
    return (
      <AuthCard title="Password changed" intro="Your new password is set and every session of your account was signed out.">
        <Link to="/sign-in" className="button button-block">
          Sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" intro="At least 12 characters. A few unrelated words work well.">
      <form className="sign-in-form" onSubmit={submit} noValidate>
        <FormAlert message={message} />
        <FormField form={form} name="password" label="New password">
          {(props) => <input {...props} type="password" autoComplete="new-password" required />}
        </FormField>
        <FormField form={form} name="confirmPassword" label="New password again">
          {(props) => <input {...props} type="password" autoComplete="new-password" required />}
        </FormField>
        <button type="submit" className="button button-block" disabled={reset.isPending}>
          {reset.isPending ? "Saving…" : "Set new password"}
        </button>
      </form>
      {reset.error ? (
        <p className="auth-card-footer">
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      ) : null}
    </AuthCard>
  );
}
