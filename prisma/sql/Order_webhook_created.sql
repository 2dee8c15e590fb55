-- order.created webhooks (webhook_on_order), deferred to commit so the payload has the lines.
-- Constraint triggers have no CREATE OR REPLACE: dropped and made again, in migrate's transaction.
DROP TRIGGER IF EXISTS "Order_webhook_created" ON "Order";
CREATE CONSTRAINT TRIGGER "Order_webhook_created" AFTER INSERT ON "Order"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION webhook_on_order();
