CREATE OR REPLACE TRIGGER "ProductStock_status" BEFORE INSERT OR UPDATE ON "ProductStock"
FOR EACH ROW EXECUTE FUNCTION stock_summary_set_status();
