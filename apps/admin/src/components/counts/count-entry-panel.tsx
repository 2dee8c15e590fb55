import { useState } from "react";
import { formatCount } from "../../lib/format.ts";
import { enqueue } from "../../lib/offline/outbox.ts";
import type { CountLine } from "./count-scope.ts";

/**
 * Adds what was found of one lot: a big number field (numeric keypad on phones) with − and +.
 * Entries add up; the entry goes to the device's outbox first, so it survives a lost connection.
 */
export function CountEntryPanel({ sessionId, line, onDone }: { sessionId: string; line: CountLine; onDone: (message: string) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const value = Number(text || "0");
  const step = (delta: number) => setText(String((Number.isSafeInteger(value) ? value : 0) + delta));
  const add = async () => {
    if (!/^-?\d+$/.test(text.trim()) || value === 0) {
      setError("Enter the number of units found (a negative number corrects an earlier entry).");
      return;
    }
    setError(null);
    await enqueue(
      { kind: "count", input: { sessionId, lotId: line.lotId, quantity: value } },
      `${line.productName} lot ${line.lotNumber}: ${value > 0 ? "+" : ""}${formatCount(value)} counted`,
    );
    setText("");
    onDone(`Added ${formatCount(value)} to ${line.productName} (${line.lotNumber}).`);
  };
  const inputId = `count-${line.lotId}`;
  return (
    <form
      className="count-entry"
      aria-label={`Count ${line.productName} lot ${line.lotNumber}`}
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label htmlFor={inputId}>Units found</label>
      <div className="count-keypad">
        <button type="button" className="button button-secondary count-step" aria-label="One less" onClick={() => step(-1)}>
          −
        </button>
        <input
          id={inputId}
          className="count-input"
          inputMode="numeric"
          pattern="-?[0-9]*"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        <button type="button" className="button button-secondary count-step" aria-label="One more" onClick={() => step(1)}>
          +
        </button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button count-add">
        Add to count
      </button>
    </form>
  );
}
