import { useEffect, useReducer } from "react";
import { type CartHold, type CartLine, linesNotHeld } from "../lib/cart-store.ts";
import { formatCountdown, useSecondsLeft } from "../lib/use-seconds-left.ts";

interface HoldBannerProps {
  hold: CartHold | null;
  lines: CartLine[];
  isPending: boolean;
  /** Hold every line again (a fresh TTL): "Keep my items", "Hold again", "Reserve my items". */
  onHold: () => void;
}

/** The reservation: a countdown to the server's expiresAt while it is live, and a way to hold again once it lapses. */
export function HoldBanner({ hold, lines, isPending, onHold }: HoldBannerProps) {
  const secondsLeft = useSecondsLeft(hold?.expiresAt ?? null);
  const state = hold === null || secondsLeft === null ? "none" : secondsLeft > 0 ? "live" : "lapsed";

  return (
    <section className={`hold-banner hold-${state}`} aria-label="Reservation">
      {state === "live" ? (
        <div className="hold-text">
          <p className="hold-title">
            <HourglassIcon />
            <span role="timer" aria-label="Time left on your reservation">
              Reserved for <span className="countdown">{formatCountdown(secondsLeft ?? 0)}</span>
            </span>
          </p>
          <NotHeldNote hold={hold} lines={lines} />
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

/** Items added (or changed) in the catalog after the hold was placed are not covered by it until it is renewed. */
function NotHeldNote({ hold, lines }: { hold: CartHold | null; lines: CartLine[] }) {
  const notHeld = hold ? linesNotHeld(hold, lines) : [];
  if (notHeld.length === 0) return <p className="muted small">Your items are set aside for you while you check out.</p>;
  return <p className="small note-warn">Not reserved yet: {notHeld.map((line) => line.name).join(", ")}. Keep my items to reserve them too.</p>;
}

/** ⏳ drawn as an icon: an emoji depends on the device's fonts (and renders as a box without one). */
function HourglassIcon() {
  return (
    <svg className="hold-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6 2.5h12M6 21.5h12M7.5 2.5v3a5 5 0 0 0 2.2 4.1L12 12l2.3-2.4a5 5 0 0 0 2.2-4.1v-3M7.5 21.5v-3a5 5 0 0 1 2.2-4.1L12 12l2.3 2.4a5 5 0 0 1 2.2 4.1v3" />
      <path className="hold-icon-sand" d="M9.5 19.5h5l-2.5-3.2Z" />
    </svg>
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
