-- CreateTable
CREATE TABLE "MovementDaily" (
    "productId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "type" "MovementType" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "producerId" UUID NOT NULL,
    "unitsIn" BIGINT NOT NULL DEFAULT 0,
    "unitsOut" BIGINT NOT NULL DEFAULT 0,
    "costCents" BIGINT NOT NULL DEFAULT 0,
    "revenueCents" BIGINT NOT NULL DEFAULT 0,
    "movements" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MovementDaily_pkey" PRIMARY KEY ("productId","day","type","reason")
);

-- CreateIndex
CREATE INDEX "MovementDaily_producerId_day_idx" ON "MovementDaily"("producerId", "day");

-- CreateIndex
CREATE INDEX "MovementDaily_day_idx" ON "MovementDaily"("day");

-- Backfill from the ledger as it stands; from here on the trigger Movement_daily_rollup
-- (prisma/sql/stock_rollup_movements.sql, applied after the migrations) adds each INSERT's rows.
-- Run migrations with the app stopped: a movement written between this statement and the trigger's
-- creation would be missing, and `inventory:validate` would report its (product, day, type).
INSERT INTO "MovementDaily" ("productId", "day", "type", "reason", "producerId", "unitsIn", "unitsOut", "costCents", "revenueCents", "movements")
SELECT m."productId", m."createdAt"::date, m.type, CASE WHEN m.type = 'WRITE_OFF' THEN m.reason ELSE '' END, m."producerId",
       SUM(GREATEST(m.quantity, 0)), SUM(LEAST(m.quantity, 0)), SUM(m.quantity::bigint * m."unitCostCents"),
       COALESCE(SUM(-m.quantity::bigint * ol."unitPriceCents"), 0), COUNT(*)
FROM "Movement" m
LEFT JOIN LATERAL (
  SELECT l."unitPriceCents" FROM "OrderLine" l
  WHERE m.type = 'FULFILMENT' AND m."referenceType" = 'order'
    AND l."orderId" = (CASE WHEN m."referenceId" ~ '^[0-9a-fA-F-]{36}$' THEN m."referenceId"::uuid END) AND l."productId" = m."productId"
  LIMIT 1
) ol ON true
GROUP BY 1, 2, 3, 4, 5;
