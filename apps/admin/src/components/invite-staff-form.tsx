import { inviteStaffInput, PRODUCER_ROLES, ROLE_LABELS, STAFF_ROLES } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useApiForm } from "../lib/use-api-form.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { FormActions, FormAlert } from "./form-parts.tsx";

/**
 * Invite by email with a role. Producer admins give producer roles; a platform admin with no
 * producer chosen invites platform admins.
 */
export function InviteStaffForm({ producerId, isPlatform }: { producerId: string | undefined; isPlatform: boolean }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const invite = useMutation(trpc.staff.invite.mutationOptions());
  const roles = isPlatform && !producerId ? STAFF_ROLES.filter((r) => r === "PLATFORM_ADMIN") : PRODUCER_ROLES;
  const { form, message } = useApiForm({
    schema: inviteStaffInput,
    defaultValues: { email: "", role: roles[roles.length > 1 ? 1 : 0], producerId },
    serverError: invite.error,
  });
  const submit = form.handleSubmit((values) => {
    setDone(null);
    invite.mutate(
      { ...values, producerId },
      {
        onSuccess: async (sent) => {
          setDone(`Invitation sent to ${sent.email}.`);
          form.reset({ email: "", role: values.role, producerId });
          await queryClient.invalidateQueries(trpc.staff.invitations.pathFilter());
        },
      },
    );
  });

  return (
    <form className="settings-form invite-form" onSubmit={submit} noValidate aria-label="Invite staff">
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="email" label="Email">
          {(props) => <input {...props} type="email" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="role" label="Role">
          {(props) => (
            <select {...props}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormActions label="Send invitation" pendingLabel="Sending…" isPending={invite.isPending} done={done} />
    </form>
  );
}
