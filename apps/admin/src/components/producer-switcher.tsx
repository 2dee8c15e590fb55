import { useId } from "react";

interface ProducerSwitcherProps {
  producers: { id: string; name: string }[];
  value: string | undefined;
  onChange: (producerId: string | undefined) => void;
}

/** Platform admins act for one producer at a time, or look across all of them. */
export function ProducerSwitcher({ producers, value, onChange }: ProducerSwitcherProps) {
  const id = useId();
  return (
    <div className="producer-switcher">
      <label htmlFor={id}>Producer</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">All producers</option>
        {producers.map((producer) => (
          <option key={producer.id} value={producer.id}>
            {producer.name}
          </option>
        ))}
      </select>
    </div>
  );
}
