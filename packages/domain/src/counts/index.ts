export { approveCount } from "./approve-count.ts";
export { cancelCount } from "./cancel-count.ts";
export { dueForCount } from "./due-for-count.ts";
export { getCount } from "./get-count.ts";
export { accuracyTrend, listCounts } from "./list-counts.ts";
export { recordCount } from "./record-count.ts";
export { requestRecounts } from "./request-recounts.ts";
export { startCount } from "./start-count.ts";
