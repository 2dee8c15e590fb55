-- Product.slug: the storefront's URL name. New rows get it from the trigger "Product_slug_on_insert"
-- (prisma/sql/product_assign_slug.sql); existing rows are backfilled here with the same rule
-- (product_slug_base: lower case, accents folded, runs of other characters as one "-", at most
-- 80 characters, "product" when nothing is left), the second and later products of one base
-- suffixed -2, -3 in the order they were created.
ALTER TABLE "Product" ADD COLUMN     "slug" TEXT NOT NULL DEFAULT '';

WITH based AS (
  SELECT id, COALESCE(NULLIF(trim(BOTH '-' FROM left(regexp_replace(translate(lower(name), 'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ', 'aaaaaaaceeeeiiiinoooooouuuuyy'), '[^a-z0-9]+', '-', 'g'), 80)), ''), 'product') AS base, "createdAt"
  FROM "Product"),
numbered AS (SELECT id, base, row_number() OVER (PARTITION BY base ORDER BY "createdAt", id) AS n FROM based)
UPDATE "Product" p SET slug = CASE WHEN numbered.n = 1 THEN numbered.base ELSE numbered.base || '-' || numbered.n END
FROM numbered WHERE numbered.id = p.id;

-- CreateIndex
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");
