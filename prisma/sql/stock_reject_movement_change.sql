-- The ledger is append-only: the Movement triggers call this for UPDATE, DELETE and TRUNCATE.
CREATE OR REPLACE FUNCTION stock_reject_movement_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Movement rows are append-only (% rejected)', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
