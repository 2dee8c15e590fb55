import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useAppContext } from "../../lib/use-app-context.ts";
import type { WebhookEndpoint } from "./endpoint-form.tsx";

/** The signing secret: masked until revealed (audited); rotating replaces it at once. */
export function EndpointSecret({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { trpc, queryClient } = useAppContext();
  const [secret, setSecret] = useState<string | null>(null);
  const reveal = useMutation(trpc.webhooks.revealSecret.mutationOptions({ onSuccess: (answer) => setSecret(answer.secret) }));
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: async (answer) => {
        setSecret(answer.secret);
        await queryClient.invalidateQueries(trpc.webhooks.pathFilter());
      },
    }),
  );
  const failure = reveal.error ?? rotate.error;
  return (
    <div className="webhook-secret">
      <span className="muted small">Signing secret</span>
      <code className="webhook-secret-value" data-testid="webhook-secret">
        {secret ?? endpoint.secretHint}
      </code>
      <div className="row-actions">
        {secret ? (
          <button type="button" className="button button-secondary button-small" onClick={() => setSecret(null)}>
            Hide
          </button>
        ) : (
          <button type="button" className="button button-secondary button-small" onClick={() => reveal.mutate({ endpointId: endpoint.id })}>
            Reveal
          </button>
        )}
        <button
          type="button"
          className="button button-danger-outline button-small"
          onClick={() => {
            if (window.confirm("Rotate the secret? The old one stops verifying at once: update your receiver.")) rotate.mutate({ endpointId: endpoint.id });
          }}
        >
          Rotate
        </button>
      </div>
      {failure ? (
        <span className="field-error" role="alert">
          {errorMessage(failure)}
        </span>
      ) : null}
    </div>
  );
}
