-- hold.created webhooks: one call per INSERT statement (webhook_on_holds_created).
CREATE OR REPLACE TRIGGER "Hold_webhook_created" AFTER INSERT ON "Hold"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION webhook_on_holds_created();
