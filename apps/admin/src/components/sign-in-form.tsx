import { errorMessage, fieldErrors } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import type { Staff } from "../lib/staff.ts";
import { useAppContext } from "../lib/use-app-context.ts";

export function SignInForm({ onSignedIn }: { onSignedIn: (staff: Staff) => Promise<void> }) {
  const { trpc } = useAppContext();
  const id = useId();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: onSignedIn }));
  const fields = signIn.isError ? fieldErrors(signIn.error) : {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  };

  return (
    <form className="sign-in-form" onSubmit={submit} noValidate aria-describedby={signIn.isError ? `${id}-error` : undefined}>
      {signIn.isError ? (
        <div id={`${id}-error`} className="form-error" role="alert">
          {errorMessage(signIn.error)}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={fields.email ? true : undefined}
          aria-describedby={fields.email ? `${id}-email-error` : undefined}
        />
        {fields.email ? (
          <p id={`${id}-email-error`} className="field-error">
            {fields.email}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fields.password ? true : undefined}
          aria-describedby={fields.password ? `${id}-password-error` : undefined}
        />
        {fields.password ? (
          <p id={`${id}-password-error`} className="field-error">
            {fields.password}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-block" disabled={signIn.isPending}>
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
