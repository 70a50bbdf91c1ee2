CREATE TABLE "data_marks" (
	"backend" integer PRIMARY KEY NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The data mark (decision 0019). Every statement that writes a table whose rows a report or dashboard may show adds
-- one to its backend's counter, in the writing transaction: the new sum becomes visible together with the rows.
-- A backend runs one transaction at a time, so no two transactions wait for the same counter row.
CREATE FUNCTION lt_move_data_mark() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO data_marks (backend, n) VALUES (pg_backend_pid(), 1)
  ON CONFLICT (backend) DO UPDATE SET n = data_marks.n + 1;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- Every table but the ones no report or dashboard reads (sessions, log-in attempts, the audit log, calendar tokens,
-- import job progress, e-mail and notifications, accounts) and the counters themselves. A table added later gets the
-- same trigger in its own migration: tests/dataMarkTriggers.test.ts fails for a table that has neither.
DO $do$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (
    'accounts', 'auth_sessions', 'login_attempts', 'audit_log', 'calendar_tokens', 'data_marks', 'import_jobs',
    'mail_outbox', 'notification_preferences', 'notifications')
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION lt_move_data_mark()', t || '_data_mark', t);
  END LOOP;
END
$do$;
