export { JOB_DEFINITIONS, JOB_NAMES, type JobName, type JobPayload, type ParsedJobPayload, parseJobPayload } from "./definitions.ts";
export { ensureQueues, queueSettingsFor } from "./ensure-queues.ts";
export { createJobQueue, type JobQueue, type SendOptions, type SqlClient } from "./job-queue.ts";
export { type SendOnlyQueue, startSendOnlyQueue } from "./send-only-queue.ts";
