-- What the running app (server, worker, command-line tools) may do, as the role `stockroom_app`.
-- Applied by every migrate, as the owner, after the migrations and prisma/sql, when that role
-- exists (packages/db/src/app-role.ts). Idempotent: it first takes back everything, then grants.
-- The app reads and writes rows and calls our functions; it never changes the schema: no CREATE,
-- ALTER, DROP or TRUNCATE, and it owns nothing in public.

-- Only owners create objects in public (PostgreSQL 15+ does this by default; older servers do not).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM stockroom_app;
GRANT USAGE ON SCHEMA public TO stockroom_app;

-- Rows: read and write every table; nothing else (no TRUNCATE, REFERENCES or TRIGGER).
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM stockroom_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO stockroom_app;
-- The ledger is append-only (its triggers reject UPDATE, DELETE and TRUNCATE for everyone); the app
-- is not even allowed to try. Nothing in the app changes or removes a movement.
REVOKE UPDATE, DELETE ON "Movement" FROM stockroom_app;
-- The audit log likewise: written, never edited or removed.
REVOKE UPDATE, DELETE ON "AuditEvent" FROM stockroom_app;
-- The ledger's daily rollups are derived: only its trigger (SECURITY DEFINER, as the owner) writes it.
REVOKE INSERT, UPDATE, DELETE ON "MovementDaily", "MovementDailyByProducer" FROM stockroom_app;
-- An order's timeline too.
REVOKE UPDATE, DELETE ON "OrderEvent" FROM stockroom_app;
-- Migration bookkeeping is the owner's.
REVOKE ALL ON "_prisma_migrations" FROM stockroom_app;

REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM stockroom_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO stockroom_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO stockroom_app;

-- Tables, sequences and functions the owner creates later get the same rights without a new line here.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stockroom_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO stockroom_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO stockroom_app;

-- pg-boss's schema belongs to the app. pg-boss is a library that manages its own tables at run
-- time (queue_stats partitions, background index builds, its own upgrades), so it needs to own
-- them; it cannot create the schema itself (that needs CREATE on the database), so migrate creates
-- it here and the app runs pg-boss with `createSchema: false`. A schema an earlier version made as
-- the owner is handed over, with everything in it.
CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION stockroom_app;
ALTER SCHEMA pgboss OWNER TO stockroom_app;
DO $$
DECLARE
  item record;
BEGIN
  FOR item IN
    SELECT format('ALTER %s pgboss.%I OWNER TO stockroom_app',
                  CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                  c.relname) AS command
    FROM pg_class c
    WHERE c.relnamespace = 'pgboss'::regnamespace
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND c.relowner <> 'stockroom_app'::regrole
      -- a sequence that belongs to a column follows its table
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO stockroom_app', p.oid::regprocedure)
    FROM pg_proc p
    WHERE p.pronamespace = 'pgboss'::regnamespace AND p.proowner <> 'stockroom_app'::regrole
    UNION ALL
    SELECT format('ALTER TYPE pgboss.%I OWNER TO stockroom_app', t.typname)
    FROM pg_type t
    WHERE t.typnamespace = 'pgboss'::regnamespace AND t.typtype IN ('e', 'd')
      AND t.typowner <> 'stockroom_app'::regrole
  LOOP
    EXECUTE item.command;
  END LOOP;
END
$$;
