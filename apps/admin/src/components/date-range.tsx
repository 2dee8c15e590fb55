import { useId } from "react";
import { addDaysIso, todayIso } from "../lib/dates.ts";

interface DateRangeProps {
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
}

const PRESETS = [7, 30, 90] as const;

/** A report's period: two calendar days (inclusive) and quick presets ending today. */
export function DateRange({ from, to, onChange }: DateRangeProps) {
  const id = useId();
  const today = todayIso();
  const setFrom = (value: string) => {
    if (value) onChange({ from: value, to: value > to ? value : to });
  };
  const setTo = (value: string) => {
    if (value) onChange({ from: value < from ? value : from, to: value });
  };
  return (
    <fieldset className="date-range">
      <legend className="visually-hidden">Period</legend>
      <div className="filter">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
      </div>
      <fieldset className="presets">
        <legend className="visually-hidden">Quick periods</legend>
        {PRESETS.map((days) => {
          const presetFrom = addDaysIso(today, -(days - 1));
          const isActive = from === presetFrom && to === today;
          return (
            <button
              key={days}
              type="button"
              className={isActive ? "chip chip-active" : "chip"}
              aria-pressed={isActive}
              onClick={() => onChange({ from: presetFrom, to: today })}
            >
              Last {days} days
            </button>
          );
        })}
      </fieldset>
    </fieldset>
  );
}
