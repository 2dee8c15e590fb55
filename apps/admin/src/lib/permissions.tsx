import type { Permission } from "@stockroom/contracts";
import { createContext, type ReactNode, useContext } from "react";

const PermissionsContext = createContext<ReadonlySet<Permission>>(new Set());

/** What the signed-in role may do (from auth.me). Pages and tables hide the rest; the server refuses it regardless. */
export function PermissionsProvider({ permissions, children }: { permissions: readonly Permission[]; children: ReactNode }) {
  return <PermissionsContext.Provider value={new Set(permissions)}>{children}</PermissionsContext.Provider>;
}

export function useCan(): (permission: Permission) => boolean {
  const permissions = useContext(PermissionsContext);
  return (permission) => permissions.has(permission);
}

/** Renders its children only when the role has `permission`. */
export function IfCan({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan()(permission) ? children : null;
}
