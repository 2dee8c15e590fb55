import { ADJUST_REASONS } from "@stockroom/contracts";
import { useState } from "react";
import type { ProductDetail } from "../../lib/api-types.ts";
import { formatCount } from "../../lib/format.ts";
import { enqueue } from "../../lib/offline/outbox.ts";
import { useCan } from "../../lib/permissions.tsx";
import { defaultLot } from "../stock-forms/lot-select.tsx";

/**
 * A scanned product's quick adjust: the lot, − / + the change, a reason (from the allowed list unless
 * the role may give any). It goes through the device's outbox, so it works offline too.
 */
export function QuickAdjust({ detail, onDone }: { detail: ProductDetail; onDone: (message: string) => void }) {
  const lots = detail.lots.filter((lot) => lot.onHand > 0 || lot.reserved > 0);
  const [lotId, setLotId] = useState(defaultLot(lots)?.id ?? "");
  const [text, setText] = useState("");
  const change = /^[-+]?\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
  const step = (delta: number) => setText(String(change + delta));
  const [reason, setReason] = useState<string>(ADJUST_REASONS[0]);
  const [error, setError] = useState<string | null>(null);
  const anyReason = useCan()("stock.adjust.anyReason");
  const lot = lots.find((l) => l.id === lotId);
  const submit = async () => {
    if (!lot || change === 0 || reason.trim().length < 3) {
      setError(!lot ? "Choose a lot." : change === 0 ? "Enter the change: units to add (5) or remove (-3)." : "Give a reason.");
      return;
    }
    setError(null);
    await enqueue(
      { kind: "adjust", input: { lotId: lot.id, change, reason: reason.trim() } },
      `${detail.product.name} lot ${lot.lotNumber}: adjust ${change > 0 ? "+" : ""}${change} (${reason.trim()})`,
    );
    onDone(`Adjust ${change > 0 ? "+" : ""}${formatCount(change)} of ${detail.product.name} (lot ${lot.lotNumber}) saved.`);
    setText("");
  };
  return (
    <form
      className="stock-form quick-adjust"
      aria-label={`Quick adjust ${detail.product.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{detail.product.name}</h2>
      <div className="field">
        <label htmlFor="quick-lot">Lot</label>
        <select id="quick-lot" value={lotId} onChange={(event) => setLotId(event.target.value)}>
          {lots.map((l) => (
            <option key={l.id} value={l.id}>
              {l.lotNumber} · {l.location} · {formatCount(l.onHand)} on hand{l.reserved ? `, ${formatCount(l.reserved)} reserved` : ""}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="count-keypad">
        <legend className="visually-hidden">Change</legend>
        <button type="button" className="button button-secondary count-step" aria-label="One less" onClick={() => step(-1)}>
          −
        </button>
        <input
          className="count-input"
          aria-label="Change"
          inputMode="numeric"
          autoComplete="off"
          placeholder="0"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="button" className="button button-secondary count-step" aria-label="One more" onClick={() => step(1)}>
          +
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor="quick-reason">Reason</label>
        {anyReason ? (
          <input id="quick-reason" list="quick-reasons" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
        ) : (
          <select id="quick-reason" value={reason} onChange={(event) => setReason(event.target.value)}>
            {ADJUST_REASONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        )}
        <datalist id="quick-reasons">
          {ADJUST_REASONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      <button type="submit" className="button count-add">
        Save adjust
      </button>
    </form>
  );
}
