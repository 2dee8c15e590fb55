import type { Db } from "@stockroom/db";

/** One of validateInventory's problems (the same shape; no lot: the row is per product and day). */
export interface RollupProblem {
  check: "rollup";
  lotId: "";
  lotNumber: "";
  productId: string;
  expected: number;
  actual: number;
  message: string;
}

interface RollupRow {
  productId: string;
  day: string;
  type: string;
  reason: string;
  fields: { name: string; expected: number; actual: number }[];
}

const FIELDS = ["unitsIn", "unitsOut", "costCents", "revenueCents", "movements"] as const;

/**
 * "MovementDaily" must equal the ledger summed the trigger's way (per product, UTC day, type and
 * write-off reason; revenue from the fulfilled order line): one problem per row that differs, is
 * missing or has no movements behind it.
 */
export async function validateRollups(db: Db): Promise<RollupProblem[]> {
  return [...(await validateProductDays(db)), ...(await validateProducerDays(db))];
}

async function validateProductDays(db: Db): Promise<RollupProblem[]> {
  const rows = await db.$queryRaw<RollupRow[]>`
    WITH ledger AS (
      SELECT m."productId", m."createdAt"::date AS day, m.type, CASE WHEN m.type = 'WRITE_OFF' THEN m.reason ELSE '' END AS reason,
             SUM(GREATEST(m.quantity, 0)) AS "unitsIn", SUM(LEAST(m.quantity, 0)) AS "unitsOut", SUM(m.quantity::bigint * m."unitCostCents") AS "costCents",
             COALESCE(SUM(-m.quantity::bigint * ol."unitPriceCents"), 0) AS "revenueCents", COUNT(*) AS movements
      FROM "Movement" m
      LEFT JOIN LATERAL (
        SELECT l."unitPriceCents" FROM "OrderLine" l
        WHERE m.type = 'FULFILMENT' AND m."referenceType" = 'order'
          AND l."orderId" = (CASE WHEN m."referenceId" ~ '^[0-9a-fA-F-]{36}$' THEN m."referenceId"::uuid END) AND l."productId" = m."productId"
        LIMIT 1
      ) ol ON true
      GROUP BY 1, 2, 3, 4
    )
    SELECT COALESCE(l."productId", r."productId")::text AS "productId", to_char(COALESCE(l.day, r.day), 'YYYY-MM-DD') AS day,
           COALESCE(l.type, r.type)::text AS type, COALESCE(l.reason, r.reason) AS reason,
           jsonb_path_query_array(jsonb_build_array(
             jsonb_build_object('name', 'unitsIn', 'expected', COALESCE(l."unitsIn", 0), 'actual', COALESCE(r."unitsIn", 0)),
             jsonb_build_object('name', 'unitsOut', 'expected', COALESCE(l."unitsOut", 0), 'actual', COALESCE(r."unitsOut", 0)),
             jsonb_build_object('name', 'costCents', 'expected', COALESCE(l."costCents", 0), 'actual', COALESCE(r."costCents", 0)),
             jsonb_build_object('name', 'revenueCents', 'expected', COALESCE(l."revenueCents", 0), 'actual', COALESCE(r."revenueCents", 0)),
             jsonb_build_object('name', 'movements', 'expected', COALESCE(l.movements, 0), 'actual', COALESCE(r.movements, 0))
           ), '$[*] ? (@.expected != @.actual)') AS fields
    FROM ledger l
    FULL JOIN "MovementDaily" r ON r."productId" = l."productId" AND r.day = l.day AND r.type = l.type AND r.reason = l.reason
    WHERE l."productId" IS NULL OR r."productId" IS NULL
       OR (l."unitsIn", l."unitsOut", l."costCents", l."revenueCents", l.movements)
          IS DISTINCT FROM (r."unitsIn", r."unitsOut", r."costCents", r."revenueCents", r.movements)
    ORDER BY 1, 2, 3, 4`;
  return rows.map((r) => {
    const first = r.fields[0] ?? { name: FIELDS[4], expected: 0, actual: 0 };
    const where = `MovementDaily (product ${r.productId}, ${r.day}, ${r.type}${r.reason ? `, "${r.reason}"` : ""})`;
    const diffs = r.fields.map((f) => `${f.name} ${f.actual} but the ledger sums to ${f.expected}`).join("; ");
    return {
      check: "rollup" as const,
      lotId: "" as const,
      lotNumber: "" as const,
      productId: r.productId,
      expected: Number(first.expected),
      actual: Number(first.actual),
      message: `${where}: ${diffs || "differs from the ledger"}`,
    };
  });
}

/** "MovementDailyByProducer" summed per producer and day must equal the ledger's sums of the same. */
async function validateProducerDays(db: Db): Promise<RollupProblem[]> {
  const rows = await db.$queryRaw<{ producerId: string; day: string; ledger: number[]; rollup: number[] }[]>`
    WITH ledger AS (
      SELECT "producerId", "createdAt"::date AS day, ARRAY[
        COALESCE(SUM(quantity) FILTER (WHERE quantity > 0 AND type IN ('RECEIPT', 'RETURN', 'ADJUSTMENT', 'COUNT')), 0),
        COALESCE(-SUM(quantity) FILTER (WHERE type = 'FULFILMENT'), 0), COALESCE(-SUM(quantity) FILTER (WHERE type = 'WRITE_OFF'), 0), COUNT(*)]::float8[] AS sums
      FROM "Movement" WHERE type <> 'TRANSFER' GROUP BY 1, 2
    ), rollup AS (
      SELECT "producerId", day, ARRAY[SUM("inUnits"), SUM("fulfilledUnits"), SUM("writtenOffUnits"), SUM(movements)]::float8[] AS sums
      FROM "MovementDailyByProducer" GROUP BY 1, 2
    )
    SELECT COALESCE(l."producerId", r."producerId")::text AS "producerId", to_char(COALESCE(l.day, r.day), 'YYYY-MM-DD') AS day,
           COALESCE(l.sums, ARRAY[0, 0, 0, 0]::float8[]) AS ledger, COALESCE(r.sums, ARRAY[0, 0, 0, 0]::float8[]) AS rollup
    FROM ledger l FULL JOIN rollup r ON r."producerId" = l."producerId" AND r.day = l.day
    WHERE l.sums IS DISTINCT FROM r.sums ORDER BY 1, 2`;
  const names = ["inUnits", "fulfilledUnits", "writtenOffUnits", "movements"];
  return rows.map((r) => {
    const differs = names.flatMap((name, i) => (r.ledger[i] === r.rollup[i] ? [] : [{ name, expected: r.ledger[i] ?? 0, actual: r.rollup[i] ?? 0 }]));
    const first = differs[0] ?? { expected: 0, actual: 0 };
    return {
      check: "rollup" as const,
      lotId: "" as const,
      lotNumber: "" as const,
      productId: "",
      expected: first.expected,
      actual: first.actual,
      message: `MovementDailyByProducer (producer ${r.producerId}, ${r.day}): ${differs.map((d) => `${d.name} ${d.actual} but the ledger sums to ${d.expected}`).join("; ")}`,
    };
  });
}
