import { useEffect, useReducer } from "react";
import type { CartHold } from "../lib/cart-store.ts";
import { formatCountdown, useSecondsLeft } from "../lib/use-seconds-left.ts";

interface HoldBannerProps {
  hold: CartHold | null;
  isPending: boolean;
  /** Hold every line again (a fresh TTL): "Keep my items", "Hold again", "Reserve my items". */
  onHold: () => void;
}

/** The reservation: a countdown to the server's expiresAt while it is live, and a way to hold again once it lapses. */
export function HoldBanner({ hold, isPending, onHold }: HoldBannerProps) {
  const secondsLeft = useSecondsLeft(hold?.expiresAt ?? null);
  const state = hold === null || secondsLeft === null ? "none" : secondsLeft > 0 ? "live" : "lapsed";

  return (
    <section className={`hold-banner hold-${state}`} aria-label="Reservation">
      {state === "live" ? (
        <div className="hold-text">
          <p className="hold-title">
            <span aria-hidden="true">⏳ </span>
            <span role="timer" aria-label="Time left on your reservation">
              Reserved for <span className="countdown">{formatCountdown(secondsLeft ?? 0)}</span>
            </span>
          </p>
          <p className="muted small">Your items are set aside for you while you check out.</p>
        </div>
      ) : state === "lapsed" ? (
        <div className="hold-text" role="status">
          <p className="hold-title">Your hold lapsed</p>
          <p className="muted small">The items were released and may sell out. Hold them again to check out.</p>
        </div>
      ) : (
        <div className="hold-text">
          <p className="hold-title">Your items are not reserved yet</p>
          <p className="muted small">Reserve them to check out; we set them aside for a few minutes.</p>
        </div>
      )}
      <button type="button" className={state === "live" ? "button button-secondary" : "button"} disabled={isPending} onClick={onHold}>
        {isPending ? "Holding…" : state === "live" ? "Keep my items" : state === "lapsed" ? "Hold again" : "Reserve my items"}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {state === "live" && (secondsLeft ?? 0) <= 60 ? "Less than a minute left on your reservation." : ""}
      </p>
    </section>
  );
}

/** True while the hold is live; re-renders once, when it lapses (not every second). */
export function useIsHoldLive(hold: CartHold | null): boolean {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const expiresAt = hold ? Date.parse(hold.expiresAt) : null;
  useEffect(() => {
    if (expiresAt === null || expiresAt <= Date.now()) return;
    const timer = setTimeout(rerender, expiresAt - Date.now() + 10);
    return () => clearTimeout(timer);
  }, [expiresAt]);
  return expiresAt !== null && expiresAt > Date.now();
}
