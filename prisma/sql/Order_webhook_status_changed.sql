-- order.status_changed webhooks (webhook_on_order), for a real change of status only.
CREATE OR REPLACE TRIGGER "Order_webhook_status_changed" AFTER UPDATE OF status ON "Order"
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION webhook_on_order();
