-- CreateTable
CREATE TABLE "ProductStock" (
    "productId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "trackInventory" BOOLEAN NOT NULL,
    "minStockLevel" INTEGER NOT NULL,
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "valueCents" BIGINT NOT NULL DEFAULT 0,
    "asOfDay" DATE NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,
    "expiredLots" INTEGER NOT NULL DEFAULT 0,
    "expiringLots" INTEGER NOT NULL DEFAULT 0,
    "validUntil" DATE,
    "status" TEXT NOT NULL,

    CONSTRAINT "ProductStock_pkey" PRIMARY KEY ("productId")
);

-- CreateIndex
CREATE INDEX "ProductStock_producerId_available_productId_idx" ON "ProductStock"("producerId", "available", "productId");

-- CreateIndex
CREATE INDEX "ProductStock_available_productId_idx" ON "ProductStock"("available", "productId");

-- CreateIndex
CREATE INDEX "ProductStock_producerId_valueCents_productId_idx" ON "ProductStock"("producerId", "valueCents", "productId");

-- CreateIndex
CREATE INDEX "ProductStock_valueCents_productId_idx" ON "ProductStock"("valueCents", "productId");

-- CreateIndex
CREATE INDEX "ProductStock_producerId_status_idx" ON "ProductStock"("producerId", "status");

-- CreateIndex
CREATE INDEX "ProductStock_status_idx" ON "ProductStock"("status");

-- CreateIndex
CREATE INDEX "ProductStock_asOfDay_idx" ON "ProductStock"("asOfDay");

-- CreateIndex
CREATE INDEX "ProductStock_validUntil_idx" ON "ProductStock"("validUntil");

-- AddForeignKey
ALTER TABLE "ProductStock" ADD CONSTRAINT "ProductStock_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ProductStock" ADD CONSTRAINT "ProductStock_status_check"
  CHECK (status IN ('', 'in_stock', 'out', 'low', 'expired', 'expiring'));

-- The inventory list's sorts walk these (any direction; ties by id), scoped to a producer or not.
CREATE INDEX "Product_producerId_name_id_idx" ON "Product" ("producerId", name, id);
CREATE INDEX "Product_producerId_sku_id_idx" ON "Product" ("producerId", sku, id);
CREATE INDEX "Product_sku_id_idx" ON "Product" (sku, id);
CREATE INDEX "Product_producerId_category_id_idx" ON "Product" ("producerId", category, id);
CREATE INDEX "Product_category_id_idx" ON "Product" (category, id);
-- The dashboard's lots expiring soon, in expiry order (expiryDate never changes: lot updates stay HOT).
CREATE INDEX "Lot_producerId_expiryDate_idx" ON "Lot" ("producerId", "expiryDate");
CREATE INDEX "Lot_expiryDate_idx" ON "Lot" ("expiryDate");
-- The low-stock widget's open alerts, least available first.
CREATE INDEX "LowStockAlert_producerId_status_available_idx" ON "LowStockAlert" ("producerId", status, available, "openedAt");
CREATE INDEX "LowStockAlert_status_available_idx" ON "LowStockAlert" (status, available, "openedAt");
-- Its search by barcode and lot number (name and SKU have theirs).
CREATE INDEX "Product_barcode_trgm" ON "Product" USING gin (barcode gin_trgm_ops);
CREATE INDEX "Lot_lotNumber_trgm" ON "Lot" USING gin ("lotNumber" gin_trgm_ops);

-- Backfill: every product's sums, as of '-infinity' (no lot has expired yet on that day); each row
-- holds until its first lot's 30-day mark, and the first read on a later day refreshes it
-- (stock_summary_refresh, prisma/sql).
INSERT INTO "ProductStock" ("productId", "producerId", "trackInventory", "minStockLevel", "onHand", reserved, "valueCents",
  "asOfDay", available, "expiredLots", "expiringLots", "validUntil", status)
SELECT p.id, p."producerId", p."trackInventory", p."minStockLevel",
  COALESCE(SUM(l."onHand"), 0)::int, COALESCE(SUM(l.reserved), 0)::int, COALESCE(SUM(l."onHand"::bigint * l."unitCostCents"), 0)::bigint,
  '-infinity', COALESCE(SUM(l."onHand" - l.reserved) FILTER (WHERE loc."isSellable"), 0)::int, 0, 0,
  MIN(l."expiryDate" - 30) FILTER (WHERE l."onHand" > 0),
  CASE WHEN NOT p."trackInventory" THEN 'in_stock'
       WHEN COALESCE(SUM(l."onHand" - l.reserved) FILTER (WHERE loc."isSellable"), 0) <= 0 THEN 'out'
       WHEN COALESCE(SUM(l."onHand" - l.reserved) FILTER (WHERE loc."isSellable"), 0) < p."minStockLevel" THEN 'low'
       ELSE 'in_stock' END
FROM "Product" p LEFT JOIN "Lot" l ON l."productId" = p.id LEFT JOIN "Location" loc ON loc.id = l."locationId"
GROUP BY p.id;
