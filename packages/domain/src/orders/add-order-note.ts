import { addOrderNoteInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { actorLabel } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";

/** Staff's internal note on an order: on its timeline for staff, never shown to the customer. */
export async function addOrderNote(
  deps: Deps,
  actor: StaffActor,
  input: z.input<typeof addOrderNoteInput>,
  channel: "ADMIN" | "API" = "ADMIN",
): Promise<{ id: string }> {
  const { orderId, body } = parseInput(addOrderNoteInput, input);
  const scope = scopeProducerId(actor);
  const order = await deps.db.order.findFirst({ where: { id: orderId, ...(scope ? { producerId: scope } : {}) }, select: { id: true } });
  if (!order) throw notFound("Order");
  const event = await deps.db.orderEvent.create({
    data: { orderId, kind: "NOTE", body, actor: actorLabel(actor), actorName: actor.name, channel, createdAt: deps.clock.now() },
    select: { id: true },
  });
  return event;
}
