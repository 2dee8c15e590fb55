import { type Deps, dispatchWebhookDeliveries } from "@stockroom/domain";
import type { Logger } from "pino";

/**
 * Runs the webhook dispatcher every `intervalMs` (and again at once while it finds a full batch):
 * due deliveries get their webhooks.deliver jobs. One run at a time per process; `stop` waits for it.
 */
export function startWebhookDispatcher(deps: Deps, log: Logger, intervalMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let isStopped = false;
  const limit = 200;
  const tick = () => {
    running = dispatchWebhookDeliveries(deps, { limit })
      .then(({ queued }) => {
        if (!isStopped) timer = setTimeout(tick, queued === limit ? 0 : intervalMs);
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, "webhook dispatch failed");
        if (!isStopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
