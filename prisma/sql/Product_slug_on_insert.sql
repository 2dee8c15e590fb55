-- Every inserted product gets its slug (see product_assign_slug).
CREATE OR REPLACE TRIGGER "Product_slug_on_insert" BEFORE INSERT ON "Product"
FOR EACH ROW EXECUTE FUNCTION product_assign_slug();
