import { changePasswordInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { useApiForm } from "../lib/use-api-form.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { FormActions, FormAlert } from "./form-parts.tsx";

// The contract's fields, plus a confirmation checked only in the browser.
const schema = changePasswordInput
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

/** Changing the password ends the person's other sessions; the sessions table is refreshed. */
export function ChangePasswordForm() {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async ({ sessionsEnded }) => {
        form.reset();
        setDone(
          sessionsEnded === 0
            ? "Password changed."
            : `Password changed; ${sessionsEnded === 1 ? "1 other session" : `${sessionsEnded} other sessions`} signed out.`,
        );
        await queryClient.invalidateQueries(trpc.account.sessions.pathFilter());
      },
    }),
  );
  const { form, message } = useApiForm({
    schema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    serverError: change.error,
  });
  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    setDone(null);
    change.mutate({ currentPassword, newPassword });
  });

  return (
    <form className="settings-form account-password-form" onSubmit={submit} noValidate>
      <FormAlert message={message} />
      <FormField form={form} name="currentPassword" label="Current password">
        {(props) => <input {...props} type="password" autoComplete="current-password" />}
      </FormField>
      <FormField form={form} name="newPassword" label="New password" hint="At least 12 characters. A few unrelated words work well.">
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </FormField>
      <FormField form={form} name="confirmPassword" label="New password again">
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </FormField>
      <FormActions label="Change password" pendingLabel="Changing…" isPending={change.isPending} done={done} />
    </form>
  );
}
