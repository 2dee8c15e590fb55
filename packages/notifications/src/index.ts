export { outboxProvider } from "./outbox-provider.ts";
export { type Channel, type MessageProvider, type OutgoingMessage, ProviderError, type SendResult } from "./provider.ts";
export { type ProviderEnv, providerEnvSchema, providersFromEnv } from "./providers-from-env.ts";
export { createSmtpProvider, type SmtpConfig } from "./smtp-provider.ts";
export { createTermiiProvider, type TermiiConfig } from "./termii-provider.ts";
export { createTwilioProvider, type TwilioConfig } from "./twilio-provider.ts";
