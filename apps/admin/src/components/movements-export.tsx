import { useId, useState } from "react";
import { addDaysIso, todayIso } from "../lib/dates.ts";

/** Download a product's ledger between two days (inclusive) as CSV; the server streams it. */
export function MovementsExport({ productId }: { productId: string }) {
  const id = useId();
  const [to, setTo] = useState(todayIso());
  const [from, setFrom] = useState(addDaysIso(todayIso(), -89));
  const href = `/api/exports/movements.csv?${new URLSearchParams({ productId, from, to })}`;
  return (
    <div className="movements-export">
      <label htmlFor={`${id}-from`}>From</label>
      <input id={`${id}-from`} type="date" value={from} max={to} onChange={(event) => event.target.value && setFrom(event.target.value)} />
      <label htmlFor={`${id}-to`}>To</label>
      <input id={`${id}-to`} type="date" value={to} min={from} onChange={(event) => event.target.value && setTo(event.target.value)} />
      <a className="button button-secondary button-small" href={href} download>
        Export CSV
      </a>
    </div>
  );
}
