import { useEffect, useReducer } from "react";

/**
 * Whole seconds until `expiresAt` (an ISO time from the server), rounded up, 0 once it has passed.
 * Every render computes `expiresAt - now` from the clock; the timer only asks for a re-render just
 * after the displayed second changes, so a late or throttled timer never makes the display drift.
 */
export function useSecondsLeft(expiresAt: string | null): number | null {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const target = expiresAt ? Date.parse(expiresAt) : null;

  useEffect(() => {
    if (target === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const msLeft = target - Date.now();
      if (msLeft <= 0) return;
      timer = setTimeout(
        () => {
          rerender();
          schedule();
        },
        (msLeft % 1000 || 1000) + 10,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [target]);

  return target === null ? null : Math.max(0, Math.ceil((target - Date.now()) / 1000));
}

/** 754 -> "12:34"; an hour or more -> "1:02:34". */
export function formatCountdown(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
