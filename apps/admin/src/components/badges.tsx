import type { DeliveryStatus, InventoryStatus, OrderStatus } from "@stockroom/contracts";
import type { ReactNode } from "react";

type Tone = "neutral" | "success" | "warning" | "danger" | "info" | "accent";

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export const INVENTORY_STATUS_LABELS: Record<InventoryStatus, string> = {
  in_stock: "In stock",
  low: "Low",
  out: "Out of stock",
  expiring: "Expiring soon",
  expired: "Has expired lot",
};
const INVENTORY_STATUS_TONES: Record<InventoryStatus, Tone> = { in_stock: "success", low: "warning", out: "danger", expiring: "warning", expired: "danger" };

export function InventoryStatusBadge({ status }: { status: InventoryStatus }) {
  return <Badge tone={INVENTORY_STATUS_TONES[status]}>{INVENTORY_STATUS_LABELS[status]}</Badge>;
}

type ExpiryBand = "EXPIRED" | "DAYS_7" | "DAYS_30" | "DAYS_90";
const BAND_LABELS: Record<ExpiryBand, string> = { EXPIRED: "Expired", DAYS_7: "≤ 7 days", DAYS_30: "≤ 30 days", DAYS_90: "≤ 90 days" };
const BAND_TONES: Record<ExpiryBand, Tone> = { EXPIRED: "danger", DAYS_7: "danger", DAYS_30: "warning", DAYS_90: "info" };

export function BandBadge({ band }: { band: ExpiryBand | null }) {
  if (!band) return <Badge>No expiry soon</Badge>;
  return <Badge tone={BAND_TONES[band]}>{BAND_LABELS[band]}</Badge>;
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: "Pending",
  CONFIRMED: "Confirmed",
  DISPATCHED: "Dispatched",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};
const ORDER_STATUS_TONES: Record<OrderStatus, Tone> = {
  PENDING: "warning",
  CONFIRMED: "info",
  DISPATCHED: "accent",
  DELIVERED: "success",
  CANCELLED: "neutral",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={ORDER_STATUS_TONES[status]}>{ORDER_STATUS_LABELS[status]}</Badge>;
}

const DELIVERY_TONES: Record<DeliveryStatus, Tone> = { PENDING: "warning", SENDING: "info", SENT: "success", OUTBOX: "accent", FAILED: "danger" };
export const DELIVERY_LABELS: Record<DeliveryStatus, string> = { PENDING: "Pending", SENDING: "Sending", SENT: "Sent", OUTBOX: "Outbox", FAILED: "Failed" };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={DELIVERY_TONES[status]}>{DELIVERY_LABELS[status]}</Badge>;
}

const MOVEMENT_LABELS: Record<string, string> = {
  RECEIPT: "Receipt",
  ADJUSTMENT: "Adjustment",
  WRITE_OFF: "Write-off",
  TRANSFER: "Transfer",
  FULFILMENT: "Fulfilment",
  RETURN: "Return",
  COUNT: "Count",
};

export function MovementTypeBadge({ type }: { type: string }) {
  const tone: Tone = type === "RECEIPT" || type === "RETURN" ? "success" : type === "WRITE_OFF" ? "danger" : type === "FULFILMENT" ? "accent" : "neutral";
  return <Badge tone={tone}>{MOVEMENT_LABELS[type] ?? type}</Badge>;
}
