-- A new product gets its summary row in the statement that inserts it (no lots yet: it holds for
-- every day, "asOfDay" '-infinity'); a changed minimum, tracking or owner is copied to it.
CREATE OR REPLACE FUNCTION stock_summary_on_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ProductStock" ("productId", "producerId", "trackInventory", "minStockLevel", "asOfDay", status)
    SELECT id, "producerId", "trackInventory", "minStockLevel", '-infinity', '' FROM new_products ORDER BY id;
  ELSE
    UPDATE "ProductStock" ps SET "trackInventory" = n."trackInventory", "minStockLevel" = n."minStockLevel", "producerId" = n."producerId"
    FROM new_products n JOIN old_products o ON o.id = n.id
    WHERE ps."productId" = n.id
      AND (n."trackInventory", n."minStockLevel", n."producerId") IS DISTINCT FROM (o."trackInventory", o."minStockLevel", o."producerId");
  END IF;
  RETURN NULL;
END
$$;
