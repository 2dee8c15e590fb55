CREATE OR REPLACE TRIGGER "Lot_stock_summary_change"
AFTER UPDATE OF "onHand", reserved, "unitCostCents", "locationId", "expiryDate", "productId" ON "Lot"
FOR EACH ROW
WHEN ((NEW."onHand", NEW.reserved, NEW."unitCostCents", NEW."locationId", NEW."expiryDate", NEW."productId")
  IS DISTINCT FROM (OLD."onHand", OLD.reserved, OLD."unitCostCents", OLD."locationId", OLD."expiryDate", OLD."productId"))
EXECUTE FUNCTION stock_summary_on_lot();
