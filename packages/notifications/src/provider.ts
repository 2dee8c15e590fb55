export type Channel = "EMAIL" | "SMS" | "WHATSAPP";

export interface OutgoingMessage {
  /** Our notification id: sent along where the provider allows, for tracing. */
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
}

export interface SendResult {
  providerMessageId: string | null;
  /** True when the message was only stored locally (no provider configured): not delivered. */
  isStoredOnly: boolean;
}

/** One interface for every channel's provider; the worker picks them from env. */
export interface MessageProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** A provider failure; `isRetryable` false for requests the provider will never accept (bad number...). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly isRetryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ProviderError";
  }
}

/** Non-2xx HTTP answers: 5xx and 429 are worth retrying, other 4xx are not. */
export async function failFromResponse(provider: string, response: Response): Promise<never> {
  const text = await response.text().catch(() => "");
  throw new ProviderError(`${provider} answered ${response.status}: ${text.slice(0, 300)}`, response.status >= 500 || response.status === 429);
}
