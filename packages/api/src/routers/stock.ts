import {
  adjustLot,
  adjustLotInput,
  batchUpdateInput,
  batchUpdateStock,
  listMovements,
  listMovementsInput,
  receiveLot,
  receiveLotInput,
  setOnHand,
  setOnHandInput,
  transferLot,
  transferLotInput,
  writeOffLot,
  writeOffLotInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";
import { batchUpdateOutput, movementOutput } from "./outputs.ts";

export const stockRouter = router({
  receive: staffProcedure("stock.receive")
    .input(receiveLotInput)
    .output(z.object({ lotId: z.string(), movement: movementOutput }))
    .mutation(({ ctx, input }) => receiveLot(ctx.deps, ctx.actor, input)),

  adjust: staffProcedure("stock.adjust")
    .input(adjustLotInput)
    .output(z.object({ movement: movementOutput }))
    .mutation(({ ctx, input }) => adjustLot(ctx.deps, ctx.actor, input)),

  setOnHand: staffProcedure("stock.adjust")
    .input(setOnHandInput)
    .output(z.object({ lotId: z.string(), previousOnHand: z.number(), onHand: z.number(), movement: movementOutput.nullable() }))
    .mutation(({ ctx, input }) => setOnHand(ctx.deps, ctx.actor, input)),

  batchUpdate: staffProcedure("stock.adjust")
    .input(batchUpdateInput)
    .output(batchUpdateOutput)
    .mutation(({ ctx, input }) => batchUpdateStock(ctx.deps, ctx.actor, input)),

  writeOff: staffProcedure("stock.writeOff")
    .input(writeOffLotInput)
    .output(z.object({ movement: movementOutput, costCents: z.number().nullable() }))
    .mutation(({ ctx, input }) => writeOffLot(ctx.deps, ctx.actor, input)),

  transfer: staffProcedure("stock.transfer")
    .input(transferLotInput)
    .output(z.object({ toLotId: z.string(), movements: z.array(movementOutput) }))
    .mutation(({ ctx, input }) => transferLot(ctx.deps, ctx.actor, input)),

  movements: staffProcedure("catalog.view")
    .input(listMovementsInput)
    .output(
      z.object({
        items: z.array(
          movementOutput.extend({
            lotNumber: z.string(),
            actor: z.string(),
            actorName: z.string(),
            referenceType: z.string().nullable(),
            referenceId: z.string().nullable(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => listMovements(ctx.deps, ctx.actor, input)),
});
