import { useRouteContext } from "@tanstack/react-router";
import type { RouterContext } from "./router-context.ts";

/** The tRPC proxy and query client from the root route's context, for components and hooks. */
export function useAppContext(): RouterContext {
  return useRouteContext({ from: "__root__" });
}
