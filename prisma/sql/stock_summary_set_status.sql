-- The status column of a product summary follows its numbers on every write.
CREATE OR REPLACE FUNCTION stock_summary_set_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.status := stock_summary_status(NEW."trackInventory", NEW.available, NEW."minStockLevel", NEW."expiredLots", NEW."expiringLots");
  RETURN NEW;
END
$$;
