-- Orders are numbered per producer (GL-1001, GL-1002, ...), consecutively and without gaps: each
-- order takes Producer.lastOrderNumber + 1 in its own transaction (the producer row's lock orders them).

-- AlterTable
ALTER TABLE "Producer" ADD COLUMN     "lastOrderNumber" INTEGER NOT NULL DEFAULT 1000,
ADD COLUMN     "orderPrefix" TEXT;

-- Existing orders get their producer's numbers in the order they were placed.
ALTER TABLE "Order" ADD COLUMN "producerNumber" INTEGER, ADD COLUMN "reference" TEXT;
UPDATE "Order" o SET "producerNumber" = 1000 + x.n
FROM (SELECT id, row_number() OVER (PARTITION BY "producerId" ORDER BY "createdAt", number) AS n FROM "Order") x
WHERE x.id = o.id;
UPDATE "Order" o SET reference = COALESCE(p."orderPrefix", upper(left(regexp_replace(p.slug, '[^a-zA-Z0-9]', '', 'g'), 2))) || '-' || o."producerNumber"
FROM "Producer" p WHERE p.id = o."producerId";
UPDATE "Producer" p SET "lastOrderNumber" = COALESCE((SELECT max(o."producerNumber") FROM "Order" o WHERE o."producerId" = p.id), 1000);
ALTER TABLE "Order" ALTER COLUMN "producerNumber" SET NOT NULL, ALTER COLUMN "reference" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Order_producerId_producerNumber_key" ON "Order"("producerId", "producerNumber");
