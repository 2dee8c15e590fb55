import type { HoldProblem } from "../lib/use-cart-hold.ts";

/** The server's reason a hold or order was refused; short lines are also marked on each cart line. */
export function ShortStockAlert({ problem }: { problem: HoldProblem | null }) {
  if (!problem) return null;
  return (
    <div className="form-error" role="alert">
      <p>{problem.message}</p>
      {problem.short.length > 0 ? <p className="small">Change the marked lines below, then try again.</p> : null}
    </div>
  );
}
