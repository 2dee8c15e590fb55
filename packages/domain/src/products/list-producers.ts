import { listCategoriesInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

/** Every category the producer's products use (all producers' for a platform admin without one). */
export async function listCategories(deps: Deps, actor: StaffActor, input: z.input<typeof listCategoriesInput>): Promise<string[]> {
  const { producerId } = parseInput(listCategoriesInput, input);
  const scope = scopeProducerId(actor, producerId);
  const rows = await deps.db.product.groupBy({ by: ["category"], where: scope ? { producerId: scope } : {}, orderBy: { category: "asc" } });
  return rows.map((r) => r.category);
}
