-- stock.low / stock.out / stock.restored webhooks (webhook_on_low_stock_alert).
CREATE OR REPLACE TRIGGER "LowStockAlert_webhook_events" AFTER INSERT OR UPDATE ON "LowStockAlert"
FOR EACH ROW EXECUTE FUNCTION webhook_on_low_stock_alert();
