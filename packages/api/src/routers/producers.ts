import { createProducer, createProducerInput, listProducers, producerIdInput, reactivateProducer, suspendProducer } from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const producerOutput = z.object({ id: z.string(), name: z.string(), slug: z.string(), suspendedAt: z.string().nullable() });

/** Platform only: every procedure needs producers.manage. */
export const producersRouter = router({
  list: staffProcedure("producers.manage")
    .output(z.array(producerOutput))
    .query(({ ctx }) => listProducers(ctx.deps)),

  create: staffProcedure("producers.manage")
    .input(createProducerInput)
    .output(producerOutput.extend({ invitationId: z.string() }))
    .mutation(({ ctx, input }) => createProducer(ctx.deps, ctx.actor, input, { publicUrl: ctx.config.publicUrl, inviteTtlHours: ctx.config.inviteTtlHours })),

  suspend: staffProcedure("producers.manage")
    .input(producerIdInput)
    .output(z.object({ id: z.string(), endedSessions: z.number() }))
    .mutation(({ ctx, input }) => suspendProducer(ctx.deps, ctx.actor, input)),

  reactivate: staffProcedure("producers.manage")
    .input(producerIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => reactivateProducer(ctx.deps, ctx.actor, input)),
});
