-- Movement rows can never be updated or deleted.
CREATE OR REPLACE TRIGGER "Movement_append_only" BEFORE UPDATE OR DELETE ON "Movement"
FOR EACH ROW EXECUTE FUNCTION stock_reject_movement_change();
