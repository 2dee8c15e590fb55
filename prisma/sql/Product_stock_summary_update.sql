CREATE OR REPLACE TRIGGER "Product_stock_summary_update" AFTER UPDATE ON "Product"
REFERENCING NEW TABLE AS new_products OLD TABLE AS old_products FOR EACH STATEMENT EXECUTE FUNCTION stock_summary_on_products();
