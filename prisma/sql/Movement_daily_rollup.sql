-- "MovementDaily" follows the ledger: one call per INSERT statement (stock_rollup_movements).
CREATE OR REPLACE TRIGGER "Movement_daily_rollup" AFTER INSERT ON "Movement"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION stock_rollup_movements();
