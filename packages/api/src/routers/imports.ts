import {
  applyImportInput,
  cancelImport,
  getImport,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  importIdInput,
  listImports,
  listImportsInput,
  requestImportApply,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

// Uploading (the dry run) is REST: POST /api/imports?kind=... streams the file (apps/server/src/imports-http.ts).
const importOutput = z.object({
  id: z.string(),
  producerId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  skipInvalid: z.boolean(),
  totalRows: z.number(),
  createCount: z.number(),
  updateCount: z.number(),
  unchangedCount: z.number(),
  invalidCount: z.number(),
  doneRows: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.string(), reason: z.string() })),
  message: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const importsRouter = router({
  /** Polled by the admin while an import runs (rows done / total, errors). */
  get: staffProcedure("catalog.view")
    .input(importIdInput)
    .output(importOutput)
    .query(({ ctx, input }) => getImport(ctx.deps, ctx.actor, input)),

  list: staffProcedure("catalog.view")
    .input(listImportsInput)
    .output(z.array(importOutput))
    .query(({ ctx, input }) => listImports(ctx.deps, ctx.actor, input)),

  /** Products imports also need catalog.edit (checked by the domain). */
  run: staffProcedure("stock.receive")
    .input(applyImportInput)
    .output(importOutput)
    .mutation(({ ctx, input }) => requestImportApply(ctx.deps, ctx.actor, input)),

  cancel: staffProcedure("stock.receive")
    .input(importIdInput)
    .output(importOutput)
    .mutation(({ ctx, input }) => cancelImport(ctx.deps, ctx.actor, input)),
});
