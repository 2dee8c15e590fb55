import type { MessageProvider } from "./provider.ts";
import { failFromResponse, ProviderError } from "./provider.ts";

export interface TermiiConfig {
  baseUrl: string;
  apiKey: string;
  senderId: string;
}

/** Termii's send API: one endpoint, `channel` picks SMS ("generic") or WhatsApp. */
export function createTermiiProvider(config: TermiiConfig, channel: "generic" | "whatsapp"): MessageProvider {
  return {
    name: channel === "whatsapp" ? "termii-whatsapp" : "termii",
    async send(message) {
      const response = await fetch(new URL("/api/sms/send", config.baseUrl), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: message.recipient, from: config.senderId, sms: message.body, type: "plain", channel, api_key: config.apiKey }),
      }).catch((error: unknown) => {
        throw new ProviderError(`Termii unreachable: ${(error as Error).message}`, true, { cause: error });
      });
      if (!response.ok) await failFromResponse("Termii", response);
      const body = (await response.json()) as { message_id?: string };
      return { providerMessageId: body.message_id ?? null, isStoredOnly: false };
    },
  };
}
