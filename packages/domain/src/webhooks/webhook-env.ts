import { z } from "zod";
import { DEFAULT_WEBHOOK_SETTINGS, parseRetryDelays, type WebhookSettings } from "./webhook-settings.ts";

const flag = z
  .enum(["0", "1", "true", "false"], { message: "must be 1 or 0" })
  .default("0")
  .transform((v) => v === "1" || v === "true");

/** The webhook settings both the server (URL checks at save) and the worker (delivery) read from env. */
export const webhookEnv = {
  /** 1: endpoints may be private, loopback or link-local addresses (dev and tests); never in production. */
  WEBHOOKS_ALLOW_PRIVATE_URLS: flag,
  /** Seconds before each retry, comma-separated; after the last one a delivery is FAILED. */
  WEBHOOKS_RETRY_DELAYS: z
    .string()
    .default(DEFAULT_WEBHOOK_SETTINGS.retryDelaysSeconds.join(","))
    .transform((text, ctx) => {
      try {
        return parseRetryDelays(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_WEBHOOK_SETTINGS.timeoutMs),
  /** An endpoint whose deliveries all failed this long is switched off and its producer told. */
  WEBHOOKS_DISABLE_AFTER_HOURS: z.coerce.number().min(0).max(8_760).default(DEFAULT_WEBHOOK_SETTINGS.disableAfterHours),
};

type WebhookEnv = { [K in keyof typeof webhookEnv]: z.output<(typeof webhookEnv)[K]> };

export function webhookSettingsFromEnv(env: WebhookEnv, isProduction: boolean): WebhookSettings {
  return {
    allowPrivateUrls: env.WEBHOOKS_ALLOW_PRIVATE_URLS,
    requireHttps: isProduction,
    retryDelaysSeconds: env.WEBHOOKS_RETRY_DELAYS,
    timeoutMs: env.WEBHOOKS_TIMEOUT_MS,
    disableAfterHours: env.WEBHOOKS_DISABLE_AFTER_HOURS,
  };
}
