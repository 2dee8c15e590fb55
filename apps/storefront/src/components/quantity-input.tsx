import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { MAX_QUANTITY } from "../lib/cart-store.ts";

interface QuantityInputProps {
  productName: string;
  value: number;
  disabled?: boolean;
  /** The most this line may hold (what is available, the limit per order); MAX_QUANTITY by default. */
  max?: number;
  /** May answer false (e.g. the server refused the new quantity): the field then shows the current value again. */
  onChange: (quantity: number) => undefined | Promise<boolean>;
}

/** − / number / + ; typed values are committed on Enter or when the field loses focus. */
export function QuantityInput({ productName, value, disabled, max = MAX_QUANTITY, onChange }: QuantityInputProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);

  const commit = async () => {
    // A typed quantity past the cap becomes the cap (the line's note says why).
    const quantity = Math.min(Number(draft), Math.max(max, 1));
    const isValid = Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY && quantity !== value;
    if (!isValid || (await onChange(quantity)) === false) setDraft(String(value));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void commit();
    }
  };

  return (
    <div className="quantity">
      <label htmlFor={id} className="visually-hidden">
        Quantity of {productName}
      </label>
      <button
        type="button"
        className="quantity-step"
        aria-label={`One fewer ${productName}`}
        disabled={disabled || value <= 1}
        onClick={() => void onChange(value - 1)}
      >
        −
      </button>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_QUANTITY}
        value={draft}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="quantity-step"
        aria-label={`One more ${productName}`}
        disabled={disabled || value >= Math.min(max, MAX_QUANTITY)}
        onClick={() => void onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
