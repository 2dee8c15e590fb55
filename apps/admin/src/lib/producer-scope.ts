import { z } from "zod";
import { isPlatformAdmin, type Staff } from "./staff.ts";

/** Platform admins pick the producer in the URL (every page keeps it); producer staff are scoped by the server. */
export const producerSearchSchema = z.object({
  producerId: z.uuid().optional().catch(undefined),
});

/** The producerId to send: the URL's choice for platform admins, nothing for producer staff. */
export function scopedProducerId(me: Staff, producerId: string | undefined): string | undefined {
  return isPlatformAdmin(me) ? producerId : undefined;
}

/** The one producer a page acts for, when there is one: the staff member's own, or the admin's choice. */
export function actingProducerId(me: Staff, producerId: string | undefined): string | undefined {
  return isPlatformAdmin(me) ? producerId : (me.producerId ?? undefined);
}
