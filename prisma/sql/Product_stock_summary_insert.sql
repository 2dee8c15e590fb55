CREATE OR REPLACE TRIGGER "Product_stock_summary_insert" AFTER INSERT ON "Product"
REFERENCING NEW TABLE AS new_products FOR EACH STATEMENT EXECUTE FUNCTION stock_summary_on_products();
