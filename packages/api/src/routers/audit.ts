import { listAudit, listAuditInput } from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

export const auditRouter = router({
  list: staffProcedure("audit.view")
    .input(listAuditInput)
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            at: z.string(),
            action: z.string(),
            producerId: z.string().nullable(),
            producerName: z.string().nullable(),
            actorEmail: z.string().nullable(),
            targetType: z.string().nullable(),
            targetId: z.string().nullable(),
            ip: z.string().nullable(),
            details: z.record(z.string(), z.unknown()).nullable(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => listAudit(ctx.deps, ctx.actor, input)),
});
