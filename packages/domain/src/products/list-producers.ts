import type { Deps } from "../deps.ts";

/** Platform admins switch between producers; the procedure guarding this allows only them. */
export async function listProducers(deps: Deps) {
  return deps.db.producer.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } });
}
