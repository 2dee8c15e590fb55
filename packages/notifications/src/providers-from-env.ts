import { z } from "zod";
import { outboxProvider } from "./outbox-provider.ts";
import type { Channel, MessageProvider } from "./provider.ts";
import { createSmtpProvider } from "./smtp-provider.ts";
import { createTermiiProvider } from "./termii-provider.ts";
import { createTwilioProvider } from "./twilio-provider.ts";

export const providerEnvSchema = z.object({
  EMAIL_PROVIDER: z.enum(["smtp", "outbox"]).default("outbox"),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default("Stockroom <alerts@stockroom.local>"),
  SMS_PROVIDER: z.enum(["termii", "twilio", "outbox"]).default("outbox"),
  WHATSAPP_PROVIDER: z.enum(["termii", "twilio", "outbox"]).default("outbox"),
  TERMII_BASE_URL: z.string().url().default("https://api.ng.termii.com"),
  TERMII_API_KEY: z.string().optional(),
  TERMII_SENDER_ID: z.string().default("Stockroom"),
  TWILIO_BASE_URL: z.string().url().default("https://api.twilio.com"),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
});
export type ProviderEnv = z.infer<typeof providerEnvSchema>;

function required(env: ProviderEnv, names: (keyof ProviderEnv)[], because: string): void {
  const missing = names.filter((n) => !env[n]);
  if (missing.length) throw new Error(`${missing.join(", ")} must be set because ${because}`);
}

/** One provider per channel, chosen by env; a chosen provider with missing settings stops boot. */
export function providersFromEnv(env: ProviderEnv): Record<Channel, MessageProvider> {
  const email = (): MessageProvider => {
    if (env.EMAIL_PROVIDER !== "smtp") return outboxProvider;
    required(env, ["SMTP_URL"], "EMAIL_PROVIDER=smtp");
    return createSmtpProvider({ url: env.SMTP_URL as string, from: env.SMTP_FROM });
  };
  const phone = (choice: ProviderEnv["SMS_PROVIDER"], channel: "sms" | "whatsapp"): MessageProvider => {
    if (choice === "termii") {
      required(env, ["TERMII_API_KEY"], `${channel.toUpperCase()}_PROVIDER=termii`);
      return createTermiiProvider(
        { baseUrl: env.TERMII_BASE_URL, apiKey: env.TERMII_API_KEY as string, senderId: env.TERMII_SENDER_ID },
        channel === "sms" ? "generic" : "whatsapp",
      );
    }
    if (choice === "twilio") {
      required(env, ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"], `${channel.toUpperCase()}_PROVIDER=twilio`);
      return createTwilioProvider(
        {
          baseUrl: env.TWILIO_BASE_URL,
          accountSid: env.TWILIO_ACCOUNT_SID as string,
          authToken: env.TWILIO_AUTH_TOKEN as string,
          from: env.TWILIO_FROM as string,
        },
        channel,
      );
    }
    return outboxProvider;
  };
  return { EMAIL: email(), SMS: phone(env.SMS_PROVIDER, "sms"), WHATSAPP: phone(env.WHATSAPP_PROVIDER, "whatsapp") };
}
