import { type ApiKeyScope, apiKeyIdInput, createApiKeyInput, listApiKeysInput, MAX_API_KEYS_PER_PRODUCER } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { apiKeyHash, newApiKeySecret } from "./api-key-secret.ts";

export interface ApiKeyView {
  id: string;
  producerId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdByEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedByEmail: string | null;
  status: "ACTIVE" | "EXPIRED" | "REVOKED";
}

type ApiKeyRow = Omit<ApiKeyView, "scopes" | "status" | "createdAt" | "lastUsedAt" | "expiresAt" | "revokedAt"> & {
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

function keyView(key: ApiKeyRow, now: Date): ApiKeyView {
  const status = key.revokedAt ? "REVOKED" : key.expiresAt && key.expiresAt <= now ? "EXPIRED" : "ACTIVE";
  return {
    id: key.id,
    producerId: key.producerId,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes as ApiKeyScope[],
    createdByEmail: key.createdByEmail,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revokedByEmail: key.revokedByEmail,
    status,
  };
}

function requireProducer(actor: StaffActor, producerId: string | undefined): string {
  const scope = scopeProducerId(actor, producerId);
  if (!scope) throw new DomainError("VALIDATION_FAILED", "Choose the producer.", { fields: { producerId: "required" } });
  return scope;
}

/** A producer's keys (a platform admin naming none: every producer's), newest first, never their secrets. */
export async function listApiKeys(deps: Deps, actor: StaffActor, input: z.input<typeof listApiKeysInput>): Promise<ApiKeyView[]> {
  const producerId = scopeProducerId(actor, parseInput(listApiKeysInput, input).producerId);
  const keys = await deps.db.apiKey.findMany({ where: producerId ? { producerId } : {}, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return keys.map((key) => keyView(key, deps.clock.now()));
}

/**
 * A new key for one producer. The answer carries the secret: the only time anyone sees it (only
 * its sha256 is stored). `expiresOn` is the last day it works (it stops at the end of that UTC day).
 */
export async function createApiKey(deps: Deps, actor: StaffActor, input: z.input<typeof createApiKeyInput>): Promise<ApiKeyView & { secret: string }> {
  const parsed = parseInput(createApiKeyInput, input);
  const producerId = requireProducer(actor, parsed.producerId);
  const now = deps.clock.now();
  const expiresAt = parsed.expiresOn ? new Date(Date.parse(`${parsed.expiresOn}T00:00:00Z`) + 86_400_000) : null;
  if (expiresAt && expiresAt <= now) throw new DomainError("VALIDATION_FAILED", "Choose a day from today on.", { fields: { expiresOn: "in the past" } });
  const { secret, prefix } = newApiKeySecret();
  return deps.db.$transaction(async (tx) => {
    // The producer row serializes key creation, so the per-producer cap holds under races.
    const producer = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Producer" WHERE id = ${producerId}::uuid FOR NO KEY UPDATE`;
    if (producer.length === 0) throw notFound("Producer");
    if ((await tx.apiKey.count({ where: { producerId } })) >= MAX_API_KEYS_PER_PRODUCER)
      throw new DomainError("CONFLICT", `A producer holds at most ${MAX_API_KEYS_PER_PRODUCER} keys.`);
    const key = await tx.apiKey.create({
      data: {
        producerId,
        name: parsed.name,
        prefix,
        secretHash: apiKeyHash(secret),
        scopes: parsed.scopes,
        createdById: actor.apiKeyId ? null : actor.staffId,
        createdByEmail: actor.email,
        createdAt: now,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      action: "integrations.key_created",
      producerId,
      actor: { staffId: actor.staffId, email: actor.email },
      target: { type: "api_key", id: key.id },
      details: { name: key.name, prefix, scopes: parsed.scopes, expiresAt: expiresAt?.toISOString() ?? null },
      at: now,
    });
    return { ...keyView(key, now), secret };
  });
}

/** Revokes a key at once (its next request is refused); revoking a revoked key changes nothing. */
export async function revokeApiKey(deps: Deps, actor: StaffActor, input: z.input<typeof apiKeyIdInput>): Promise<ApiKeyView> {
  const { apiKeyId } = parseInput(apiKeyIdInput, input);
  const scope = scopeProducerId(actor);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: apiKeyId, ...(scope ? { producerId: scope } : {}) } });
    if (!key) throw notFound("API key");
    // Conditional: of two concurrent revokes one changes the row and writes the audit entry.
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now, revokedByEmail: actor.email } });
    const revoked = await tx.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    if (count === 0) return keyView(revoked, now);
    await recordAudit(tx, {
      action: "integrations.key_revoked",
      producerId: key.producerId,
      actor: { staffId: actor.staffId, email: actor.email },
      target: { type: "api_key", id: key.id },
      details: { name: key.name, prefix: key.prefix },
      at: now,
    });
    return keyView(revoked, now);
  });
}
