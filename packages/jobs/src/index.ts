export { JOB_DEFINITIONS, JOB_NAMES, type JobName, type JobPayload, type ParsedJobPayload, parseJobPayload } from "./definitions.ts";
export { createJobQueue, ensureQueues, type JobQueue, type SendOptions, type SqlClient } from "./job-queue.ts";
export { type SendOnlyQueue, startSendOnlyQueue } from "./send-only-queue.ts";
