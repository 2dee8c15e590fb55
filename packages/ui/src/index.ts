// Browser pieces both SPAs use. No server code: only React and formatting.
export { formatMoney } from "./format-money.ts";
export { SearchBox } from "./search-box.tsx";
