import type { AppRouter } from "@stockroom/api/client";
import type { inferRouterOutputs } from "@trpc/server";

/** The signed-in staff member as the server describes them (auth.me / auth.signIn). */
export type Staff = NonNullable<inferRouterOutputs<AppRouter>["auth"]["me"]>;

export function isPlatformAdmin(staff: Staff): boolean {
  return staff.role === "PLATFORM_ADMIN";
}
