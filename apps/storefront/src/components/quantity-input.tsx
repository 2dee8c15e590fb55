import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { MAX_QUANTITY } from "../lib/cart-store.ts";

interface QuantityInputProps {
  productName: string;
  value: number;
  disabled?: boolean;
  onChange: (quantity: number) => void;
}

/** − / number / + ; typed values are committed on Enter or when the field loses focus. */
export function QuantityInput({ productName, value, disabled, onChange }: QuantityInputProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);

  const commit = () => {
    const quantity = Number(draft);
    if (Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY && quantity !== value) onChange(quantity);
    else setDraft(String(value));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
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
        onClick={() => onChange(value - 1)}
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
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="quantity-step"
        aria-label={`One more ${productName}`}
        disabled={disabled || value >= MAX_QUANTITY}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
