import { updateAlertSettingsInput } from "@stockroom/contracts";
import type { NotificationChannel, Prisma, Tx } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";

export interface EffectiveAlertSettings {
  recipients: Record<NotificationChannel, string[]>;
  lowStockChannels: NotificationChannel[];
  escalationChannels: NotificationChannel[];
  expiryChannels: NotificationChannel[];
  quietHours: { startHour: number; endHour: number } | null;
  /** A message per new order (to the low-stock channels); on by default. */
  newOrderAlerts: boolean;
}

/** A producer without saved settings: email to its admins for low stock and expiry. */
export async function alertSettingsFor(db: Deps["db"] | Tx, producerId: string): Promise<EffectiveAlertSettings> {
  const saved = await db.alertSettings.findUnique({ where: { producerId } });
  if (saved) {
    return {
      recipients: { EMAIL: saved.emailRecipients, SMS: saved.smsRecipients, WHATSAPP: saved.whatsappRecipients },
      lowStockChannels: saved.lowStockChannels,
      escalationChannels: saved.escalationChannels,
      expiryChannels: saved.expiryChannels,
      quietHours:
        saved.quietHoursStartHour !== null && saved.quietHoursEndHour !== null
          ? { startHour: saved.quietHoursStartHour, endHour: saved.quietHoursEndHour }
          : null,
      newOrderAlerts: saved.newOrderAlerts,
    };
  }
  const admins = await db.staff.findMany({ where: { producerId, role: "PRODUCER_ADMIN" }, select: { email: true }, orderBy: { email: "asc" } });
  return {
    recipients: { EMAIL: admins.map((a) => a.email), SMS: [], WHATSAPP: [] },
    lowStockChannels: ["EMAIL"],
    escalationChannels: [],
    expiryChannels: ["EMAIL"],
    quietHours: null,
    newOrderAlerts: true,
  };
}

export async function updateAlertSettings(deps: Deps, actor: StaffActor, input: z.input<typeof updateAlertSettingsInput>) {
  const { producerId, ...data } = parseInput(updateAlertSettingsInput, input);
  const scope = scopeProducerId(actor, producerId);
  if (!scope) throw new DomainError("VALIDATION_FAILED", "Choose the producer.", { fields: { producerId: "required for platform admins" } });
  for (const c of new Set([...data.lowStockChannels, ...data.escalationChannels, ...data.expiryChannels])) {
    const list = { EMAIL: data.emailRecipients, SMS: data.smsRecipients, WHATSAPP: data.whatsappRecipients }[c];
    if (list.length === 0)
      throw new DomainError("VALIDATION_FAILED", `Add at least one ${c.toLowerCase()} recipient or turn that channel off.`, {
        fields: { [`${c.toLowerCase()}Recipients`]: "required by a selected channel" },
      });
  }
  const saved = { ...data, updatedAt: deps.clock.now() };
  return deps.db.$transaction(async (tx) => {
    const before = await alertSettingsFor(tx, scope);
    await tx.alertSettings.upsert({ where: { producerId: scope }, update: saved, create: { ...saved, producerId: scope } });
    const after = await alertSettingsFor(tx, scope);
    await recordAudit(tx, {
      action: "alerts.settings_changed",
      at: saved.updatedAt,
      producerId: scope,
      actor,
      target: { type: "producer", id: scope },
      details: { from: toJson(before), to: toJson(after) },
    });
    return after;
  });
}

const toJson = (settings: EffectiveAlertSettings) => JSON.parse(JSON.stringify(settings)) as Prisma.InputJsonObject;
