/** How webhooks are checked and delivered (env: WEBHOOKS_*, documented in .env.example). */
export interface WebhookSettings {
  /** WEBHOOKS_ALLOW_PRIVATE_URLS=1: endpoints may point at private, loopback and link-local addresses (dev, tests). */
  allowPrivateUrls: boolean;
  /** Production: only https:// endpoints. */
  requireHttps: boolean;
  /** Wait before each retry, in seconds (WEBHOOKS_RETRY_DELAYS); after the last one the delivery is FAILED. */
  retryDelaysSeconds: number[];
  /** One attempt's time limit (WEBHOOKS_TIMEOUT_MS). */
  timeoutMs: number;
  /** An endpoint whose deliveries all failed this long is switched off (WEBHOOKS_DISABLE_AFTER_HOURS). */
  disableAfterHours: number;
}

/** 5 s, 5 min, 30 min, 2 h, 5 h, 10 h: about 18 hours of retries, then FAILED. */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_SECONDS = [5, 300, 1_800, 7_200, 18_000, 36_000];

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowPrivateUrls: false,
  requireHttps: false,
  retryDelaysSeconds: DEFAULT_WEBHOOK_RETRY_DELAYS_SECONDS,
  timeoutMs: 10_000,
  disableAfterHours: 72,
};

export function webhookSettingsOf(deps: { webhooks?: Partial<WebhookSettings> }): WebhookSettings {
  return { ...DEFAULT_WEBHOOK_SETTINGS, ...deps.webhooks };
}

/** "5,300,1800" -> [5, 300, 1800]; throws on anything else (env validation reports it). */
export function parseRetryDelays(text: string): number[] {
  const delays = text.split(",").map((part) => Number(part.trim()));
  if (delays.length === 0 || delays.length > 20 || delays.some((d) => !Number.isFinite(d) || d < 0 || d > 7 * 86_400))
    throw new Error("must be 1-20 comma-separated numbers of seconds (0 to 604800)");
  return delays;
}
