import { useId } from "react";

interface SelectFilterProps<T extends string> {
  label: string;
  value: T | undefined;
  /** Label of the "no filter" choice. */
  allLabel: string;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | undefined) => void;
}

/** A labelled <select> whose empty choice means "no filter". */
export function SelectFilter<T extends string>({ label, value, allLabel, options, onChange }: SelectFilterProps<T>) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange((event.target.value || undefined) as T | undefined)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
