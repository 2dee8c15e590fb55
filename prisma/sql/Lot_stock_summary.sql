-- Every lot insert and delete, and every update that changes what a lot adds to its product's
-- summary (not the daily expiry band): the condition is checked without calling the function.
CREATE OR REPLACE TRIGGER "Lot_stock_summary" AFTER INSERT OR DELETE ON "Lot"
FOR EACH ROW EXECUTE FUNCTION stock_summary_on_lot();
