import type { Deps } from "../deps.ts";
import { type InventoryProblem, validateInventory } from "../stock/validate-inventory.ts";

/** The most problems one check keeps (the count is always complete). */
const MAX_KEPT = 500;

export interface InventoryCheckResult {
  checkId: string;
  lotsChecked: number;
  violations: number;
  notified: number;
}

function driftMessage(problems: InventoryProblem[], total: number): string {
  const lines = problems.slice(0, 20).map((p) => `- lot ${p.lotNumber} (${p.lotId}): ${p.check}: ${p.message}`);
  const more = total > lines.length ? `\n…and ${total - lines.length} more (System health in the admin lists them all).` : "";
  return `The daily invariant check found ${total} problem(s). Nothing was changed; see docs/OPERATIONS.md (Drift).\n\n${lines.join("\n")}${more}`;
}

/**
 * The drift detector: runs the invariant checker (the one `pnpm inventory:validate` runs), keeps the
 * result, and emails every active platform admin when anything is wrong (once per check). It
 * never fixes anything.
 */
export async function runInventoryCheck(deps: Deps, input: { trigger: "schedule" | "manual" }): Promise<InventoryCheckResult> {
  const startedAt = deps.clock.now();
  const problems = await validateInventory(deps.db, startedAt);
  const [{ lots } = { lots: 0 }] = await deps.db.$queryRaw<{ lots: number }[]>`SELECT count(*)::int AS lots FROM "Lot"`;
  return deps.db.$transaction(async (tx) => {
    const check = await tx.inventoryCheck.create({
      data: {
        trigger: input.trigger,
        startedAt,
        finishedAt: deps.clock.now(),
        lotsChecked: lots,
        violations: problems.length,
        problems: problems.slice(0, MAX_KEPT) as unknown as object[],
      },
      select: { id: true },
    });
    let notified = 0;
    if (problems.length > 0) {
      const admins = await tx.staff.findMany({ where: { role: "PLATFORM_ADMIN", deactivatedAt: null }, select: { email: true }, orderBy: { email: "asc" } });
      const body = driftMessage(problems, problems.length);
      for (const { email } of admins) {
        const [row] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "Notification" (id, "producerId", "dedupeKey", channel, recipient, template, subject, body, "createdAt")
          VALUES (gen_random_uuid(), NULL, ${`inventory-drift:${check.id}:EMAIL:${email}`}, 'EMAIL', ${email}, 'inventory-drift',
                  ${`Stockroom: ${problems.length} stock invariant problem(s) found`}, ${body}, ${startedAt.toISOString()}::timestamp)
          ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`;
        if (row) {
          await deps.jobs.send("notifications.send", { notificationId: row.id }, { tx });
          notified += 1;
        }
      }
    }
    return { checkId: check.id, lotsChecked: lots, violations: problems.length, notified };
  });
}

/** The latest check, for the metric and the System health page. */
export async function latestInventoryCheck(deps: Pick<Deps, "db">) {
  return deps.db.inventoryCheck.findFirst({ orderBy: { finishedAt: "desc" } });
}
