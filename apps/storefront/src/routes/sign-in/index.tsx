import { requestCustomerSignInInput } from "@stockroom/contracts";
import { useMutation } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { EmailLinkForm } from "../../components/email-link-form.tsx";

export const Route = createFileRoute("/sign-in/")({
  head: () => ({ meta: [{ title: "Sign in · Stockroom" }] }),
  component: SignInPage,
});

/** No password: we email a one-time link to the address the orders were placed with. */
function SignInPage() {
  const { trpc } = Route.useRouteContext();
  const request = useMutation(trpc.customer.requestSignIn.mutationOptions());
  return (
    <div className="account-page">
      <h1>Sign in to see your orders</h1>
      <p className="muted">Enter the email you ordered with. We'll email you a link that signs you in on this device; no password needed.</p>
      <EmailLinkForm
        schema={requestCustomerSignInInput}
        defaults={{ email: "" }}
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
        submitLabel="Email me a sign-in link"
        send={(values) => request.mutateAsync(values)}
        isPending={request.isPending}
        error={request.error}
        answer={request.data?.message}
        footer={
          <p className="muted small">
            Ordered as a guest and just want one order? <Link to="/orders/find">Find it by its reference</Link>.
          </p>
        }
      />
    </div>
  );
}
