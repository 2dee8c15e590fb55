/**
 * What each role may do. One permission per action; roles are sets of permissions. The domain
 * enforces these (`requirePermission`, `can`), every staff procedure declares the one it needs, and
 * the admin SPA hides what the signed-in role lacks (it reads them from `auth.me`).
 */
export const PERMISSIONS = {
  "catalog.view": "See products, stock levels, lots, movements and low-stock alerts",
  "costs.view": "See unit costs, stock value, margins and valuation",
  "catalog.edit": "Create and edit products, prices and locations",
  "stock.receive": "Receive stock",
  "stock.adjust": "Adjust stock, with a reason from the list",
  "stock.adjust.anyReason": "Adjust stock with any reason",
  "stock.writeOff": "Write off stock",
  "stock.transfer": "Move stock between locations",
  "stock.count": "Count stock",
  "counts.manage": "Start counts, see expected quantities, approve or cancel counts",
  "orders.view": "See orders",
  "orders.fulfil": "Confirm, dispatch and deliver orders",
  "orders.cancel": "Cancel orders",
  "orders.return": "Take back delivered units (write-offs also need stock.writeOff)",
  "analytics.view": "See analytics and reports (values need costs.view)",
  "alerts.manage": "See and change alert recipients and channels; see sent notifications",
  "staff.manage": "Invite staff, change their roles, deactivate them",
  "integrations.manage": "Manage API keys and webhooks",
  "purchasing.view": "See suppliers and purchase orders",
  "purchasing.manage": "Manage suppliers; draft, edit, approve and reject orders",
  "audit.view": "See the audit log",
  "producers.manage": "Create and suspend producers (platform only)",
  "system.view": "See System health and run the drift check (platform only)",
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const STAFF_ROLES = ["PLATFORM_ADMIN", "PRODUCER_ADMIN", "PRODUCER_STAFF", "VIEWER"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRoleName, string> = {
  PLATFORM_ADMIN: "Platform admin",
  PRODUCER_ADMIN: "Producer admin",
  PRODUCER_STAFF: "Producer staff",
  VIEWER: "Viewer (read only)",
};

const ALL = Object.keys(PERMISSIONS) as Permission[];
/** Permissions over the whole platform, never a producer's. */
const PLATFORM_ONLY: readonly Permission[] = ["producers.manage", "system.view"];

export const ROLE_PERMISSIONS: Record<StaffRoleName, readonly Permission[]> = {
  PLATFORM_ADMIN: ALL,
  PRODUCER_ADMIN: ALL.filter((p) => !PLATFORM_ONLY.includes(p)),
  // Warehouse work: no costs, margins, valuation, prices, settings, staff or keys.
  PRODUCER_STAFF: [
    "catalog.view",
    "stock.receive",
    "stock.adjust",
    "stock.transfer",
    "stock.count",
    "orders.view",
    "orders.fulfil",
    "orders.return",
    "analytics.view",
    "purchasing.view",
  ],
  // An accountant: sees everything a producer admin sees about stock, orders and money; changes nothing.
  VIEWER: ["catalog.view", "costs.view", "orders.view", "analytics.view", "purchasing.view"],
};

/** Roles a producer admin may give within their producer (platform admins are made by platform admins). */
export const PRODUCER_ROLES = ["PRODUCER_ADMIN", "PRODUCER_STAFF", "VIEWER"] as const satisfies readonly StaffRoleName[];

export function roleCan(role: StaffRoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Reasons an adjustment may give without `stock.adjust.anyReason`. */
export const ADJUST_REASONS = ["Count correction", "Found stock", "Customer return", "Receiving error"] as const;
