-- Counts of events that leave no row of their own (refused reservations), per UTC day, added to by
-- every process (packages/domain/src/metrics/metric-counters.ts).
CREATE TABLE "MetricCounter" (
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricCounter_pkey" PRIMARY KEY ("day","name")
);

-- fifoComplianceRate's record: set on each line when its stock leaves.
ALTER TABLE "OrderLine" ADD COLUMN     "fefoOptimal" BOOLEAN;

-- stockoutIncidents' record: when a low-stock episode's availability first reached 0.
ALTER TABLE "LowStockAlert" ADD COLUMN "reachedZeroAt" TIMESTAMP(3);
UPDATE "LowStockAlert" SET "reachedZeroAt" = "openedAt" WHERE "availableAtOpen" = 0;

-- The drift detector's runs (packages/domain/src/metrics/inventory-check.ts).
CREATE TABLE "InventoryCheck" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "lotsChecked" INTEGER NOT NULL,
    "violations" INTEGER NOT NULL,
    "problems" JSONB NOT NULL,

    CONSTRAINT "InventoryCheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InventoryCheck_finishedAt_idx" ON "InventoryCheck"("finishedAt");
