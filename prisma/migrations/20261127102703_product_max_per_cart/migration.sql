-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "maxPerCart" INTEGER;

-- A limit is at least one unit (null = the shop's default).
ALTER TABLE "Product" ADD CONSTRAINT "Product_maxPerCart_positive" CHECK ("maxPerCart" IS NULL OR "maxPerCart" >= 1);
