import { FULFILMENT_METHODS, ORDER_STATUSES, type OrderStatus } from "@stockroom/contracts";
import { SearchBox } from "@stockroom/ui";
import { useId } from "react";
import { ORDER_STATUS_LABELS } from "../badges.tsx";
import { SelectFilter } from "../select-filter.tsx";
import { FULFILMENT_LABELS } from "./orders-table.tsx";

export interface OrderFilters {
  search?: string | undefined;
  status?: OrderStatus | undefined;
  fulfilment?: "DELIVERY" | "COLLECTION" | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Search box, status, delivery or collection, and the days an order was placed in (both inclusive). */
export function OrdersFilters({ value, onChange }: { value: OrderFilters; onChange: (changes: OrderFilters, replace?: boolean) => void }) {
  const id = useId();
  return (
    <div className="toolbar orders-toolbar">
      <SearchBox
        label="Search orders"
        placeholder="Reference, name, email or phone"
        value={value.search ?? ""}
        onSearch={(text) => onChange({ search: text.trim() || undefined }, true)}
      />
      <SelectFilter
        label="Status"
        allLabel="All statuses"
        value={value.status}
        options={ORDER_STATUSES.map((status) => ({ value: status, label: ORDER_STATUS_LABELS[status] }))}
        onChange={(status) => onChange({ status })}
      />
      <SelectFilter
        label="Fulfilment"
        allLabel="All"
        value={value.fulfilment}
        options={FULFILMENT_METHODS.map((method) => ({ value: method, label: FULFILMENT_LABELS[method] }))}
        onChange={(fulfilment) => onChange({ fulfilment })}
      />
      <div className="filter">
        <label htmlFor={`${id}-from`}>Placed from</label>
        <input
          id={`${id}-from`}
          type="date"
          value={value.from ?? ""}
          max={value.to}
          onChange={(event) => onChange({ from: event.target.value || undefined })}
        />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>Placed to</label>
        <input id={`${id}-to`} type="date" value={value.to ?? ""} min={value.from} onChange={(event) => onChange({ to: event.target.value || undefined })} />
      </div>
    </div>
  );
}
