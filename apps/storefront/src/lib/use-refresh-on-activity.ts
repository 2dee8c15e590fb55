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
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Decide a moment later: a click on "Keep my items", a quantity or "Remove" is then already renewing the hold.
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(() => refresh.current(REFRESH_AFTER_MS), 300);
    };
    document.addEventListener("pointerdown", onActivity);
    document.addEventListener("keydown", onActivity);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("pointerdown", onActivity);
      document.removeEventListener("keydown", onActivity);
    };
  }, []);
}
