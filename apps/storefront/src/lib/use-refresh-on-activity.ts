import { useEffect, useRef } from "react";

/** A live hold is refreshed on a click or key press once it is at least this old. */
export const REFRESH_AFTER_MS = 60_000;

/**
 * Someone still clicking and typing on the page is still shopping: refresh their hold, at most
 * once a minute (the hook that does the work skips a hold that is younger, lapsed or being renewed).
 */
export function useRefreshOnActivity(refreshIfOlderThan: (afterMs: number) => void): void {
  const refresh = useRef(refreshIfOlderThan);
  refresh.current = refreshIfOlderThan;
  useEffect(() => {
    const onActivity = () => refresh.current(REFRESH_AFTER_MS);
    document.addEventListener("pointerdown", onActivity);
    document.addEventListener("keydown", onActivity);
    return () => {
      document.removeEventListener("pointerdown", onActivity);
      document.removeEventListener("keydown", onActivity);
    };
  }, []);
}
