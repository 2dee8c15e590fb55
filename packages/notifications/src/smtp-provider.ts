import nodemailer from "nodemailer";
import type { MessageProvider } from "./provider.ts";
import { ProviderError } from "./provider.ts";

export interface SmtpConfig {
  /** smtp://user:pass@host:port or smtps://... */
  url: string;
  from: string;
}

export function createSmtpProvider(config: SmtpConfig): MessageProvider {
  const transport = nodemailer.createTransport(config.url);
  return {
    name: "smtp",
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: message.recipient,
          subject: message.subject ?? "Stockroom notification",
          text: message.body,
          // One Message-ID per notification: a resend after a crash is the same message to the receiving side.
          messageId: `<${message.id}@stockroom>`,
          headers: { "X-Stockroom-Notification": message.id },
        });
        return { providerMessageId: info.messageId ?? null, isStoredOnly: false };
      } catch (error) {
        // 5xx answers about the mailbox or message are permanent; connection errors and 4xx may pass later.
        const code = (error as { responseCode?: number }).responseCode;
        const isPermanent = code !== undefined && [550, 551, 552, 553, 554].includes(code);
        throw new ProviderError(`SMTP send failed: ${(error as Error).message}`, !isPermanent, { cause: error });
      }
    },
  };
}
