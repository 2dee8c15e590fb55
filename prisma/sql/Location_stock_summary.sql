CREATE OR REPLACE TRIGGER "Location_stock_summary" AFTER UPDATE OF "isSellable" ON "Location"
FOR EACH ROW WHEN (NEW."isSellable" IS DISTINCT FROM OLD."isSellable") EXECUTE FUNCTION stock_summary_on_location();
