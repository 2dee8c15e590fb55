// Browser pieces both SPAs use. No server code: React, formatting, forms, and reading the API's errors.

export { Field, type FieldControlProps, FormField, fieldMessage } from "./form-field.tsx";
export { formatMoney } from "./format-money.ts";
export { PageLoading } from "./page-loading.tsx";
export { SearchBox } from "./search-box.tsx";
export { asTrpcError, errorDetails, errorMessage, fieldErrors, isNotFound, isUnauthenticated, requestId, shouldRetry } from "./server-error.ts";
export { useServerFieldErrors } from "./use-server-field-errors.ts";
