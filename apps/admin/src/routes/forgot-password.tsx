import { requestPasswordResetInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { AuthCard } from "../components/auth-card.tsx";
import { FormAlert } from "../components/form-parts.tsx";
import { useApiForm } from "../lib/use-api-form.ts";

export const Route = createFileRoute("/forgot-password")({
  head: () => ({ meta: [{ title: "Forgot password · Stockroom Admin" }] }),
  component: ForgotPasswordPage,
});

function ForgotPasswordPage() {
  const { trpc } = Route.useRouteContext();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const { form, message } = useApiForm({ schema: requestPasswordResetInput, defaultValues: { email: "" }, serverError: request.error });
  const submit = form.handleSubmit((input) => request.mutate(input));

  if (request.isSuccess) {
    return (
      <AuthCard title="Check your email" intro="If that address has an account, we've sent a link to choose a new password. It works once, for an hour.">
        <p className="auth-card-footer">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" intro="Enter the email you sign in with and we'll send you a link to choose a new one.">
      <form className="sign-in-form" onSubmit={submit} noValidate>
        <FormAlert message={message} />
        <FormField form={form} name="email" label="Email">
          {(props) => <input {...props} type="email" autoComplete="username" required />}
        </FormField>
        <button type="submit" className="button button-block" disabled={request.isPending}>
          {request.isPending ? "Sending…" : "Send reset link"}
        </button>
      </form>
      <p className="auth-card-footer">
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </AuthCard>
  );
}
