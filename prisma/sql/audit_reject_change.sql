-- The audit log is append-only: the AuditEvent trigger calls this for UPDATE and DELETE.
CREATE OR REPLACE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows are append-only (% rejected)', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
