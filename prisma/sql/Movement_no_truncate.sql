-- The ledger cannot be emptied by TRUNCATE either.
CREATE OR REPLACE TRIGGER "Movement_no_truncate" BEFORE TRUNCATE ON "Movement"
FOR EACH STATEMENT EXECUTE FUNCTION stock_reject_movement_change();
