-- stock.updated webhooks: one call per INSERT statement (webhook_on_movements), whatever its size.
CREATE OR REPLACE TRIGGER "Movement_webhook_events" AFTER INSERT ON "Movement"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION webhook_on_movements();
