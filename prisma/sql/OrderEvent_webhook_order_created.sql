-- order.created webhooks (webhook_on_order_placed), from the order's PLACED timeline entry.
CREATE OR REPLACE TRIGGER "OrderEvent_webhook_order_created" AFTER INSERT ON "OrderEvent"
FOR EACH ROW WHEN (NEW.kind = 'PLACED')
EXECUTE FUNCTION webhook_on_order_placed();
