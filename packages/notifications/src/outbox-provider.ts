import type { MessageProvider } from "./provider.ts";

/**
 * No provider configured (the offline demo): the rendered message stays on its notification record
 * with status OUTBOX, shown in the admin app. It is never reported as delivered.
 */
export const outboxProvider: MessageProvider = {
  name: "outbox",
  async send() {
    return { providerMessageId: null, isStoredOnly: true };
  },
};
