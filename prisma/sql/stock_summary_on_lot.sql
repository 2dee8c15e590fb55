-- Keeps "ProductStock" equal to the sums of the lots, in the statement that changes them: a
-- lot's old row is taken away and its new row added (stock_summary_add_lot). The common change,
-- a hold or a sale of a lot, is one update of the summary: only the difference is added.
CREATE OR REPLACE FUNCTION stock_summary_on_lot() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_day date;
  v_sellable boolean;
  v_new record;
  v_old record;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."productId" = OLD."productId" AND NEW."locationId" = OLD."locationId" THEN
    SELECT ps."asOfDay", loc."isSellable" INTO v_day, v_sellable
    FROM "ProductStock" ps, "Location" loc WHERE ps."productId" = NEW."productId" AND loc.id = NEW."locationId";
    v_new := stock_summary_lot_counts(v_sellable, NEW."expiryDate", NEW."onHand", NEW.reserved, v_day);
    v_old := stock_summary_lot_counts(v_sellable, OLD."expiryDate", OLD."onHand", OLD.reserved, v_day);
    UPDATE "ProductStock" SET
      "onHand" = "onHand" + (NEW."onHand" - OLD."onHand"),
      reserved = reserved + (NEW.reserved - OLD.reserved),
      "valueCents" = "valueCents" + (NEW."onHand"::bigint * NEW."unitCostCents" - OLD."onHand"::bigint * OLD."unitCostCents"),
      available = available + (v_new.available - v_old.available),
      "expiredLots" = "expiredLots" + (v_new.expired - v_old.expired),
      "expiringLots" = "expiringLots" + (v_new.expiring - v_old.expiring),
      "validUntil" = CASE WHEN NEW."onHand" > 0 THEN LEAST("validUntil", stock_summary_next_change(NEW."expiryDate", v_day)) ELSE "validUntil" END
    WHERE "productId" = NEW."productId";
  ELSE
    IF TG_OP <> 'INSERT' THEN
      PERFORM stock_summary_add_lot(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM stock_summary_add_lot(NEW, 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
