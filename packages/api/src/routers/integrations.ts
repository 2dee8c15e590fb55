import { API_KEY_SCOPE_NAMES, apiKeyIdInput, createApiKey, createApiKeyInput, listApiKeys, listApiKeysInput, revokeApiKey } from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const apiKeyOutput = z.object({
  id: z.string(),
  producerId: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPE_NAMES as [string, ...string[]])),
  createdByEmail: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByEmail: z.string().nullable(),
  status: z.enum(["ACTIVE", "EXPIRED", "REVOKED"]),
});

export const integrationsRouter = router({
  keys: router({
    list: staffProcedure("integrations.manage")
      .input(listApiKeysInput)
      .output(z.array(apiKeyOutput))
      .query(({ ctx, input }) => listApiKeys(ctx.deps, ctx.actor, input)),

    /** The answer's `secret` is the only copy anyone will see: only its sha256 is kept. */
    create: staffProcedure("integrations.manage")
      .input(createApiKeyInput)
      .output(apiKeyOutput.extend({ secret: z.string() }))
      .mutation(({ ctx, input }) => createApiKey(ctx.deps, ctx.actor, input)),

    revoke: staffProcedure("integrations.manage")
      .input(apiKeyIdInput)
      .output(apiKeyOutput)
      .mutation(({ ctx, input }) => revokeApiKey(ctx.deps, ctx.actor, input)),
  }),
});
