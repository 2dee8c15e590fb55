-- lot.expiring / lot.expired webhooks (webhook_on_lot_expiry_band): only when the band changes to
-- one and the lot has stock; the hot updates of on hand and reserved never fire it.
CREATE OR REPLACE TRIGGER "Lot_webhook_expiry_band" AFTER UPDATE OF "expiryBand" ON "Lot"
FOR EACH ROW WHEN (NEW."expiryBand" IS NOT NULL AND NEW."expiryBand" IS DISTINCT FROM OLD."expiryBand" AND NEW."onHand" > 0)
EXECUTE FUNCTION webhook_on_lot_expiry_band();
