-- The storefront's price and newest sorts walk these past the catalog's count cap, as the name
-- sort walks "Product_live_name_id_search": live products only, searchName included, so the walk
-- stays index-only (descending sorts read them backwards).
CREATE INDEX "Product_live_price_id_search" ON "Product" ("priceCents", id) INCLUDE ("searchName") WHERE "archivedAt" IS NULL;
CREATE INDEX "Product_live_created_id_search" ON "Product" ("createdAt", id) INCLUDE ("searchName") WHERE "archivedAt" IS NULL;
