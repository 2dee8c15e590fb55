const LABELS: Record<string, string> = {
  PENDING: "Pending",
  CONFIRMED: "Confirmed",
  DISPATCHED: "Dispatched",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

export function OrderStatus({ status }: { status: string }) {
  return <span className={`order-status status-${status.toLowerCase()}`}>{LABELS[status] ?? status}</span>;
}
