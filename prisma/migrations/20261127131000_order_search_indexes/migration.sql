-- The admin's order search (hand-written: Prisma's schema cannot express trigram or expression indexes).
-- Part of a name, email or reference: trigram indexes serve ILIKE '%term%'.
CREATE INDEX "Order_customerName_trgm" ON "Order" USING gin ("customerName" gin_trgm_ops);
CREATE INDEX "Order_customerEmail_trgm" ON "Order" USING gin ("customerEmail" gin_trgm_ops);
CREATE INDEX "Order_reference_trgm" ON "Order" USING gin (reference gin_trgm_ops);
-- A phone is matched on its digits only.
CREATE INDEX "Order_customerPhone_digits_trgm" ON "Order" USING gin ((regexp_replace("customerPhone", '[^0-9]', '', 'g')) gin_trgm_ops);
