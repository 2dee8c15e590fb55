import { errorMessage, requestId } from "@stockroom/ui";
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";

/** Shown when a route's loader or component fails: the server's message, and a way to retry. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();
  const reference = requestId(error);

  useEffect(() => {
    queryErrorResetBoundary.reset();
  }, [queryErrorResetBoundary]);

  return (
    <div className="notice-page" role="alert">
      <h1>We couldn’t load this page</h1>
      <p className="error-message">{errorMessage(error)}</p>
      {reference ? <p className="muted small">Reference: {reference}</p> : null}
      <button type="button" className="button" onClick={() => void router.invalidate()}>
        Try again
      </button>
    </div>
  );
}
