import type { MessageProvider } from "./provider.ts";
import { failFromResponse, ProviderError } from "./provider.ts";

export interface TwilioConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/** Twilio's Messages API (form-encoded, basic auth); WhatsApp addresses carry a "whatsapp:" prefix. */
export function createTwilioProvider(config: TwilioConfig, channel: "sms" | "whatsapp"): MessageProvider {
  const prefix = channel === "whatsapp" ? "whatsapp:" : "";
  return {
    name: channel === "whatsapp" ? "twilio-whatsapp" : "twilio",
    async send(message) {
      const url = new URL(`/2010-04-01/Accounts/${config.accountSid}/Messages.json`, config.baseUrl);
      const response = await fetch(url, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ To: `${prefix}${message.recipient}`, From: `${prefix}${config.from}`, Body: message.body }),
      }).catch((error: unknown) => {
        throw new ProviderError(`Twilio unreachable: ${(error as Error).message}`, true, { cause: error });
      });
      if (!response.ok) await failFromResponse("Twilio", response);
      const body = (await response.json()) as { sid?: string };
      return { providerMessageId: body.sid ?? null, isStoredOnly: false };
    },
  };
}
