import { errorMessage } from "@stockroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useAppContext } from "../../lib/use-app-context.ts";

/** Shared by the actions: re-read the count, the stock and the reports after a change. */
export function useCountMutationDone() {
  const { trpc } = useAppContext();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.counts.pathFilter()),
      queryClient.invalidateQueries(trpc.stock.pathFilter()),
      queryClient.invalidateQueries(trpc.reports.pathFilter()),
    ]);
}

export function useApprove(sessionId: string) {
  const { trpc } = useAppContext();
  const key = useRef(newIdempotencyKey());
  const done = useCountMutationDone();
  const approve = useMutation(trpc.counts.approve.mutationOptions({ onSuccess: done }));
  return {
    approve: () => approve.mutate({ sessionId, idempotencyKey: key.current }),
    state: approve,
    error: approve.error ? errorMessage(approve.error) : null,
  };
}
