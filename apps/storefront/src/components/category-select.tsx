import { useId } from "react";

interface CategorySelectProps {
  categories: string[];
  value: string | undefined;
  onChange: (category: string | undefined) => void;
}

export function CategorySelect({ categories, value, onChange }: CategorySelectProps) {
  const id = useId();
  return (
    <div className="category-select">
      <label htmlFor={id} className="visually-hidden">
        Category
      </label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">All categories</option>
        {categories.map((category) => (
          <option key={category} value={category}>
            {category}
          </option>
        ))}
      </select>
    </div>
  );
}
