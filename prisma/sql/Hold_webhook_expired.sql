-- hold.expired webhooks (webhook_on_hold_expired), only for holds that go from HELD to EXPIRED.
CREATE OR REPLACE TRIGGER "Hold_webhook_expired" AFTER UPDATE OF status ON "Hold"
FOR EACH ROW WHEN (OLD.status = 'HELD' AND NEW.status = 'EXPIRED')
EXECUTE FUNCTION webhook_on_hold_expired();
