import { signInInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import type { Staff } from "../lib/staff.ts";
import { useApiForm } from "../lib/use-api-form.ts";
import { useAppContext } from "../lib/use-app-context.ts";

export function SignInForm({ onSignedIn }: { onSignedIn: (staff: Staff) => Promise<void> }) {
  const { trpc } = useAppContext();
  const id = useId();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: onSignedIn }));
  const { form, message } = useApiForm({ schema: signInInput, defaultValues: { email: "", password: "" }, serverError: signIn.error });
  const submit = form.handleSubmit((credentials) => signIn.mutate(credentials));

  return (
    <form className="sign-in-form" onSubmit={submit} noValidate aria-describedby={message ? `${id}-error` : undefined}>
      {message ? (
        <div id={`${id}-error`} className="form-error" role="alert">
          {message}
        </div>
      ) : null}
      <FormField form={form} name="email" label="Email">
        {(props) => <input {...props} type="email" autoComplete="username" required />}
      </FormField>
      <FormField form={form} name="password" label="Password">
        {(props) => <input {...props} type="password" autoComplete="current-password" required />}
      </FormField>
      <button type="submit" className="button button-block" disabled={signIn.isPending}>
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
