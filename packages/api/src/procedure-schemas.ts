import type { z } from "zod";
import { appRouter } from "./root.ts";
import type { ProcedureMeta } from "./trpc.ts";

interface BuiltProcedure {
  _def: { inputs: z.ZodType[]; output?: z.ZodType; meta?: ProcedureMeta; type: "query" | "mutation" | "subscription" };
}

/**
 * A procedure's input and output schemas and permission, for hosts that describe the procedures
 * (the OpenAPI document of /api/v1). Read from the router, so they are the schemas that run.
 */
export function procedureSchemas(path: string): { input: z.ZodType; output: z.ZodType; permission: ProcedureMeta["permission"]; type: string } {
  // At run time tRPC keeps every procedure under its dotted path here (what createCaller looks up).
  const procedure = (appRouter._def.procedures as unknown as Record<string, BuiltProcedure | undefined>)[path];
  const input = procedure?._def.inputs[0];
  const output = procedure?._def.output;
  if (!procedure || !input || !output) throw new Error(`${path}: no such procedure with an input and an output schema`);
  return { input, output, permission: procedure._def.meta?.permission, type: procedure._def.type };
}
