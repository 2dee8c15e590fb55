-- Nobody edits or removes what the audit log says happened (the app's role included).
CREATE OR REPLACE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
