import type { PurchaseOrderStatus } from "@stockroom/contracts";
import { Badge } from "../badges.tsx";

export const PO_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  DRAFT: "Draft",
  PENDING_APPROVAL: "To approve",
  APPROVED: "Approved",
  PARTIALLY_RECEIVED: "Part received",
  RECEIVED: "Received",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
};
const TONES = {
  DRAFT: "neutral",
  PENDING_APPROVAL: "warning",
  APPROVED: "info",
  PARTIALLY_RECEIVED: "accent",
  RECEIVED: "success",
  REJECTED: "danger",
  CANCELLED: "neutral",
} as const;

export function PurchaseOrderStatusBadge({ status }: { status: PurchaseOrderStatus }) {
  return <Badge tone={TONES[status]}>{PO_STATUS_LABELS[status]}</Badge>;
}
