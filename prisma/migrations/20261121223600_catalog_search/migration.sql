-- Catalog list and search over 100,000+ products (hand-written: Prisma's schema cannot express
-- these). Trigram GIN indexes serve case-insensitive substring search (ILIKE '%term%') on name,
-- SKU and barcode; (name, id) serves the default sort and its keyset.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Product_name_trgm" ON "Product" USING gin (name gin_trgm_ops);
CREATE INDEX "Product_sku_trgm" ON "Product" USING gin (sku gin_trgm_ops);
CREATE INDEX "Product_name_id" ON "Product" (name, id);
CREATE INDEX "Product_category_name_id" ON "Product" (category, name, id);
