import { countSessionInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { can } from "../permissions.ts";
import { parseInput } from "../validation.ts";
import { accuracyOf, countLines, needsRecount, varianceOf } from "./count-lines.ts";
import { findOwnedCount } from "./find-count.ts";

/**
 * A count as the review screen shows it: every line with what was counted, the variance in units
 * and at cost, whether it asks for a recount, and the session's accuracy so far. In a blind count,
 * counters (without counts.manage) see no expected quantities, system values or variances.
 */
export async function getCount(deps: Deps, actor: StaffActor, input: z.input<typeof countSessionInput>) {
  const { sessionId } = parseInput(countSessionInput, input);
  const session = await findOwnedCount(deps.db, actor, sessionId);
  const rows = await countLines(deps.db, session.id);
  const hidden = session.blind && !can(actor, "counts.manage");
  const lines = rows.map((l) => {
    const variance = varianceOf(l);
    return {
      lineId: l.id,
      lotId: l.lotId,
      productId: l.productId,
      sku: l.sku,
      productName: l.productName,
      barcode: l.barcode,
      lotNumber: l.lotNumber,
      expiryDate: l.expiryDate ? l.expiryDate.toISOString().slice(0, 10) : null,
      locationName: l.locationName,
      round: l.round,
      counted: l.counted,
      entries: l.entries,
      lastCountedAt: l.lastCountedAt?.toISOString() ?? null,
      expectedOnHand: hidden ? null : l.expectedOnHand,
      systemAtCount: hidden ? null : l.systemAtCount,
      variance: hidden ? null : variance,
      varianceValueCents: hidden || variance === null ? null : variance * l.unitCostCents,
      needsRecount: !hidden && needsRecount(l, session),
      recountRequested: l.recountRequested,
    };
  });
  const accuracy = accuracyOf(rows);
  return {
    id: session.id,
    producerId: session.producerId,
    kind: session.kind,
    status: session.status,
    blind: session.blind,
    hidden,
    locationId: session.locationId,
    category: session.category,
    dueOnly: session.dueOnly,
    recountUnits: session.recountUnits,
    recountValueCents: session.recountValueCents,
    startedAt: session.startedAt.toISOString(),
    closedAt: session.closedAt?.toISOString() ?? null,
    cancelReason: session.cancelReason,
    summary: {
      lines: rows.length,
      counted: accuracy.countedLots,
      needRecount: lines.filter((l) => l.needsRecount).length,
      ...(hidden
        ? { matched: null, accuracyRate: null, valueAccuracyRate: null }
        : {
            matched: accuracy.matchedLots,
            accuracyRate: accuracy.accuracyRate,
            valueAccuracyRate: accuracy.valueAccuracyRate,
          }),
    },
    lines,
  };
}
