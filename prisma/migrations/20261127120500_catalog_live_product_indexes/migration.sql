-- The storefront lists only products still sold ("archivedAt" IS NULL). Its page walks read the
-- (name, id) and (category, name, id) indexes with searchName included, index-only; with the
-- archived test they had to visit the table for every row walked (a deep page read ~500 rows from
-- the heap). These partial indexes hold only live products, so the walks stay index-only and skip
-- archived products for free.
CREATE INDEX "Product_live_name_id_search" ON "Product" (name, id) INCLUDE ("searchName") WHERE "archivedAt" IS NULL;
CREATE INDEX "Product_live_category_name_id_search" ON "Product" (category, name, id) INCLUDE ("searchName") WHERE "archivedAt" IS NULL;
