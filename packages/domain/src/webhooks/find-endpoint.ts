import type { Db, Tx } from "@stockroom/db";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { notFound } from "../errors.ts";

/** The endpoint if the actor's producer owns it (platform admins: any); another producer's is NOT_FOUND. */
export async function findOwnedEndpoint(db: Db | Tx, actor: StaffActor, endpointId: string) {
  const scope = scopeProducerId(actor);
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, ...(scope ? { producerId: scope } : {}) } });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}
