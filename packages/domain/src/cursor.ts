import { DomainError } from "./errors.ts";

/**
 * Opaque keyset cursors: the sort key of a page's last row, as base64url JSON. Clients pass them
 * back unchanged; a cursor that does not decode to the expected shape is a field error.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

type Part = "string" | "number" | "uuid";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fits = (part: unknown, kind: Part) => (kind === "uuid" ? typeof part === "string" && UUID.test(part) : typeof part === kind);

export function decodeCursor<T extends readonly Part[]>(cursor: string, shape: T): { [K in keyof T]: T[K] extends "number" ? number : string } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch (cause) {
    throw new DomainError("VALIDATION_FAILED", "This cursor is not one we gave out.", { fields: { cursor: "not a cursor from this list" }, cause });
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((part, i) => !fits(part, shape[i] as Part)))
    throw new DomainError("VALIDATION_FAILED", "This cursor is not one we gave out.", { fields: { cursor: "not a cursor from this list" } });
  return key as never;
}
