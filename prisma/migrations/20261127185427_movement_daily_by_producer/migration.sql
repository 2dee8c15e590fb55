-- CreateTable
CREATE TABLE "MovementDailyByProducer" (
    "id" BIGSERIAL NOT NULL,
    "producerId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "inUnits" BIGINT NOT NULL,
    "fulfilledUnits" BIGINT NOT NULL,
    "writtenOffUnits" BIGINT NOT NULL,
    "movements" INTEGER NOT NULL,

    CONSTRAINT "MovementDailyByProducer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MovementDailyByProducer_producerId_day_idx" ON "MovementDailyByProducer"("producerId", "day");

-- CreateIndex
CREATE INDEX "MovementDailyByProducer_day_idx" ON "MovementDailyByProducer"("day");

-- Backfill from the ledger as it stands (one row per producer and day); the trigger
-- Movement_daily_rollup (prisma/sql/stock_rollup_movements.sql) adds each INSERT's rows from here on.
INSERT INTO "MovementDailyByProducer" ("producerId", "day", "inUnits", "fulfilledUnits", "writtenOffUnits", "movements")
SELECT "producerId", "createdAt"::date,
       COALESCE(SUM(quantity) FILTER (WHERE quantity > 0 AND type IN ('RECEIPT', 'RETURN', 'ADJUSTMENT', 'COUNT')), 0),
       COALESCE(-SUM(quantity) FILTER (WHERE type = 'FULFILMENT'), 0),
       COALESCE(-SUM(quantity) FILTER (WHERE type = 'WRITE_OFF'), 0),
       COUNT(*)
FROM "Movement" WHERE type <> 'TRANSFER'
GROUP BY 1, 2;
