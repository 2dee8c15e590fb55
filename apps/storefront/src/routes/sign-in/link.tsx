import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { z } from "zod";

export const Route = createFileRoute("/sign-in/link")({
  validateSearch: z.object({ token: z.string().catch("") }),
  head: () => ({ meta: [{ title: "Signing in · Stockroom" }] }),
  component: LinkPage,
});

/** Where an emailed link lands: it is used once, here, then the customer goes to the order or their orders. */
function LinkPage() {
  const { token } = Route.useSearch();
  const { trpc, queryClient } = Route.useRouteContext();
  const navigate = useNavigate();
  const complete = useMutation(
    trpc.customer.completeSignIn.mutationOptions({
      onSuccess: async ({ orderId }) => {
        await queryClient.invalidateQueries(trpc.customer.pathFilter());
        await queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
        if (orderId) await navigate({ to: "/orders/$orderId", params: { orderId }, replace: true });
        else await navigate({ to: "/orders", replace: true });
      },
    }),
  );
  // A link works once: consume it once, even when React runs effects twice in development.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    complete.mutate({ token });
  }, [token, complete]);

  if (!token || complete.isError) {
    return (
      <div className="notice-page">
        <h1>This link does not work</h1>
        <p>{token ? errorMessage(complete.error) : "The link is incomplete. Open it from the email again."}</p>
        <div className="confirmation-actions">
          <Link to="/sign-in" className="button">
            Send me a new link
          </Link>
          <Link to="/orders/find" className="button button-secondary">
            Find my order
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="notice-page" role="status">
      <h1>Signing you in…</h1>
      <p className="muted">One moment.</p>
    </div>
  );
}
