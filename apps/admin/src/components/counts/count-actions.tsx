import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { formatCount } from "../../lib/format.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import type { CountDetail } from "./count-scope.ts";
import { useApprove, useCountMutationDone } from "./use-count-mutations.ts";

/** Ask for recounts, approve (after a confirmation naming the movements), or cancel with a reason. */
export function CountActions({ count, movements }: { count: CountDetail; movements: number }) {
  const { trpc } = useAppContext();
  const done = useCountMutationDone();
  const recounts = useMutation(trpc.counts.requestRecounts.mutationOptions({ onSuccess: done }));
  const cancel = useMutation(trpc.counts.cancel.mutationOptions({ onSuccess: done }));
  const { approve, state, error } = useApprove(count.id);
  const [isConfirming, setConfirming] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const uncounted = count.summary.lines - count.summary.counted;
  const failure = [recounts.error, cancel.error].find(Boolean);
  return (
    <div className="count-actions">
      {failure || error ? (
        <div className="form-error" role="alert">
          {error ?? errorMessage(failure)}
        </div>
      ) : null}
      {recounts.data ? (
        <p role="status">{recounts.data.recounts === 1 ? "1 lot" : `${formatCount(recounts.data.recounts)} lots`} sent back for a recount.</p>
      ) : null}
      <div className="count-action-buttons">
        {count.summary.needRecount > 0 ? (
          <button type="button" className="button button-secondary" disabled={recounts.isPending} onClick={() => recounts.mutate({ sessionId: count.id })}>
            Ask for recounts ({count.summary.needRecount})
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Approve
        </button>
        <button type="button" className="button button-danger-outline" onClick={() => setCancelling(true)}>
          Cancel count
        </button>
      </div>
      {isConfirming ? (
        <div className="confirm-panel" role="alertdialog" aria-label="Approve this count?">
          <p>
            Approve this count? {movements === 1 ? "1 movement" : `${formatCount(movements)} movements`} will be written to the ledger (one per lot whose count
            differs).{uncounted > 0 ? ` ${formatCount(uncounted)} lots not counted stay as they are.` : ""}
          </p>
          <div className="count-action-buttons">
            <button type="button" className="button" disabled={state.isPending} onClick={approve}>
              {state.isPending ? "Approving…" : `Approve and write ${formatCount(movements)}`}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Back
            </button>
          </div>
        </div>
      ) : null}
      {isCancelling ? (
        <form
          className="confirm-panel"
          aria-label="Cancel this count"
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate({ sessionId: count.id, reason });
          }}
        >
          <label htmlFor="cancel-reason">Why is this count cancelled?</label>
          <input id="cancel-reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          <button type="submit" className="button button-danger" disabled={cancel.isPending}>
            Cancel count
          </button>
        </form>
      ) : null}
    </div>
  );
}
