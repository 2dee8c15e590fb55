export { type ApiConfig, type ContextInner, createContextInner, type Logger, type SessionCookie } from "./context.ts";
export { asDomainError, DOMAIN_TO_TRPC, isStatementTimeout } from "./error-map.ts";
export { procedureSchemas } from "./procedure-schemas.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
export type { ErrorData } from "./trpc.ts";
