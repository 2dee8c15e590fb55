import { requestOrderLookupInput } from "@stockroom/contracts";
import { useMutation } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { EmailLinkForm } from "../../components/email-link-form.tsx";

export const Route = createFileRoute("/orders/find")({
  head: () => ({ meta: [{ title: "Find my order · Stockroom" }] }),
  component: FindOrderPage,
});

/** A guest finds an order from any browser: reference + email, then a link emailed to that address. */
function FindOrderPage() {
  const { trpc } = Route.useRouteContext();
  const lookup = useMutation(trpc.orders.requestLookup.mutationOptions());
  return (
    <div className="account-page">
      <h1>Find my order</h1>
      <p className="muted">
        Enter the order reference from your confirmation (for example GL-1001) and the email you ordered with. We'll email you a link to the order.
      </p>
      <EmailLinkForm
        schema={requestOrderLookupInput}
        defaults={{ reference: "", email: "" }}
        fields={[
          { name: "reference", label: "Order reference", type: "text", autoComplete: "off" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
        ]}
        submitLabel="Email me a link to the order"
        send={(values) => lookup.mutateAsync(values)}
        isPending={lookup.isPending}
        error={lookup.error}
        answer={lookup.data?.message}
        footer={
          <p className="muted small">
            Want all your orders? <Link to="/sign-in">Sign in with your email</Link>.
          </p>
        }
      />
    </div>
  );
}
