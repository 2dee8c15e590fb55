-- The product summaries of these products, recomputed from their lots as of p_day (and inserted
-- when missing). The caller holds the products' locks (stock_lock_products) and calls this in a
-- statement that started after taking them, so no change to their lots is in flight: every path
-- that changes a lot locks its product first. '-infinity' as the day is always safe: the rows then
-- hold until their first lot's 30-day mark, and a read refreshes them from there.
CREATE OR REPLACE FUNCTION stock_summary_recompute(p_product_ids uuid[], p_day date)
RETURNS integer LANGUAGE sql AS $$
  WITH written AS (
    INSERT INTO "ProductStock" AS ps ("productId", "producerId", "trackInventory", "minStockLevel", "onHand", reserved, "valueCents",
      "asOfDay", available, "expiredLots", "expiringLots", "validUntil", status)
    SELECT s.product_id, s.producer_id, s.track_inventory, s.min_stock_level, s.on_hand, s.reserved, s.value_cents, p_day,
      s.available, s.expired_lots, s.expiring_lots, s.valid_until, ''
    FROM stock_summary_of(p_product_ids, p_day) s ORDER BY s.product_id
    ON CONFLICT ("productId") DO UPDATE SET "producerId" = EXCLUDED."producerId", "trackInventory" = EXCLUDED."trackInventory",
      "minStockLevel" = EXCLUDED."minStockLevel", "onHand" = EXCLUDED."onHand", reserved = EXCLUDED.reserved,
      "valueCents" = EXCLUDED."valueCents", "asOfDay" = EXCLUDED."asOfDay", available = EXCLUDED.available,
      "expiredLots" = EXCLUDED."expiredLots", "expiringLots" = EXCLUDED."expiringLots", "validUntil" = EXCLUDED."validUntil"
    RETURNING 1
  )
  SELECT COUNT(*)::int FROM written;
$$;
