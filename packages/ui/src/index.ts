// Browser pieces both SPAs use. No server code: only React and formatting.
export { formatMoney } from "./format-money.ts";
export { PageLoading } from "./page-loading.tsx";
export { SearchBox } from "./search-box.tsx";
