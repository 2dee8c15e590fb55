import { errorMessage, isUnauthenticated, requestId } from "@stockroom/ui";
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { type ErrorComponentProps, useRouter, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useAppContext } from "../lib/use-app-context.ts";

/** Shown when a route's loader or component fails: the server's message, and a way forward. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();
  const { queryClient, trpc } = useAppContext();
  const reference = requestId(error);
  const here = useRouterState({ select: (state) => state.location.href });

  useEffect(() => {
    queryErrorResetBoundary.reset();
  }, [queryErrorResetBoundary]);

  if (isUnauthenticated(error)) {
    const signInAgain = () => {
      queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      void router.navigate({ to: "/sign-in", search: { redirect: here } });
    };
    return (
      <div className="notice-page" role="alert">
        <h1>Your session has ended</h1>
        <p>{errorMessage(error)}</p>
        <button type="button" className="button" onClick={signInAgain}>
          Sign in again
        </button>
      </div>
    );
  }

  // The installed app opens without a connection (its shell is cached); the data does not.
  if (!navigator.onLine) {
    return (
      <div className="notice-page" role="alert">
        <h1>You are offline</h1>
        <p>This page needs the connection to load. Counts and adjusts entered on this device are kept here and sent when it returns.</p>
        <button type="button" className="button" onClick={() => void router.invalidate()}>
          Try again
        </button>
      </div>
    );
  }

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
