import type { Permission } from "@stockroom/contracts";

/** Where the admin's pages are reached from, and who sees the link (the server refuses the rest regardless). */
export interface NavItem {
  to:
    | "/"
    | "/inventory"
    | "/products"
    | "/locations"
    | "/imports"
    | "/orders"
    | "/suppliers"
    | "/purchase-orders"
    | "/analytics"
    | "/expiry"
    | "/notifications"
    | "/staff"
    | "/audit"
    | "/producers"
    | "/system"
    | "/integrations/api-keys"
    | "/webhooks"
    | "/counts"
    | "/scan";
  label: string;
  permission?: Permission;
}

/** Daily work: in the header. */
export const MAIN_NAV: NavItem[] = [
  { to: "/", label: "Dashboard" },
  { to: "/inventory", label: "Inventory" },
  { to: "/products", label: "Products", permission: "catalog.view" },
  { to: "/orders", label: "Orders", permission: "orders.view" },
  { to: "/purchase-orders", label: "Purchasing", permission: "purchasing.view" },
  { to: "/suppliers", label: "Suppliers", permission: "purchasing.view" },
  { to: "/analytics", label: "Analytics", permission: "analytics.view" },
  { to: "/expiry", label: "Expiry & waste", permission: "analytics.view" },
  { to: "/imports", label: "Import", permission: "stock.receive" },
  { to: "/counts", label: "Counts", permission: "stock.count" },
  { to: "/scan", label: "Scan", permission: "catalog.view" },
];

/** Set up once, visited now and then: on the Settings page, each with what it is for. */
export const SETTINGS_NAV: (NavItem & { description: string })[] = [
  {
    to: "/locations",
    label: "Locations",
    permission: "catalog.view",
    description: "Where stock is kept: rename, sellable or not, collection points, archive when empty.",
  },
  { to: "/staff", label: "Staff", permission: "staff.manage", description: "Invite colleagues, set their roles, deactivate accounts." },
  {
    to: "/notifications",
    label: "Notifications",
    permission: "alerts.manage",
    description: "Who is alerted about low stock and expiry, how, and what was sent.",
  },
  {
    to: "/integrations/api-keys",
    label: "Integrations",
    permission: "integrations.manage",
    description: "API keys for your other systems: create with scopes, see when each was last used, revoke.",
  },
  {
    to: "/webhooks",
    label: "Webhooks",
    permission: "integrations.manage",
    description: "Tell other systems when stock, holds, orders, lots and purchase orders change: endpoints, signing secrets, deliveries.",
  },
  { to: "/audit", label: "Audit log", permission: "audit.view", description: "Sign-ins, staff and role changes, settings: who did what, when." },
  {
    to: "/producers",
    label: "Producers",
    permission: "producers.manage",
    description: "Create producers, invite their first admin, suspend or reactivate them.",
  },
  {
    to: "/system",
    label: "System health",
    permission: "system.view",
    description: "The seven seed metrics with their trends, job queues, the drift check and backups.",
  },
];
