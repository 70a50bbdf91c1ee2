-- Data marks per scope (decision 0030): the counters of migration 0016 get a scope. '*' (every reader reads it) is
-- moved by writes whose reach is not worked out (the org tree, networks, rules, plans, reports, imports...); a write
-- about meetings moves only the marks of its reach (lt_meeting_reach), so a check-in in one province leaves the kept
-- answers of every other in place.
ALTER TABLE "data_marks" DROP CONSTRAINT "data_marks_pkey";--> statement-breakpoint
ALTER TABLE "data_marks" ADD COLUMN "scope" text DEFAULT '*' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_marks" ADD CONSTRAINT "data_marks_scope_backend_pk" PRIMARY KEY("scope","backend");--> statement-breakpoint
CREATE OR REPLACE FUNCTION lt_move_data_mark() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO data_marks (scope, backend, n) VALUES ('*', pg_backend_pid(), 1)
  ON CONFLICT (scope, backend) DO UPDATE SET n = data_marks.n + 1;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- The marks a write about meetings with these hosts and networks moves: 'all' (the whole country's answers); the
-- hosts, the networks' supervising orgs and member orgs, and every org any of them has ever been under (links of
-- any date: an answer as of a past day places orgs by the tree of that day); the networks and their parents.
-- An org's answer reads its own mark, a network's its own and its members' (decision 0030).
-- Walked up level by level with arrays (plans cached by PL/pgSQL): the same as one recursive SQL function took
-- ~60 ms a call on the demo data (planned on every call, with ~40,000 estimated rows); this takes ~0.6 ms.
CREATE FUNCTION lt_meeting_reach(hosts uuid[], nets uuid[]) RETURNS text[] LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  networks_reached uuid[];
  seen uuid[];
  cur uuid[];
BEGIN
  networks_reached := ARRAY(SELECT id FROM networks WHERE id = ANY(nets)
    UNION SELECT parent_network_id FROM networks WHERE id = ANY(nets) AND parent_network_id IS NOT NULL);
  seen := ARRAY(SELECT DISTINCT o FROM (
    SELECT unnest(hosts) AS o
    UNION ALL SELECT supervising_org_id FROM networks WHERE id = ANY(nets)
    UNION ALL SELECT org_id FROM network_members WHERE network_id = ANY(nets)) x WHERE o IS NOT NULL);
  cur := seen;
  FOR depth IN 1..12 LOOP
    cur := ARRAY(SELECT DISTINCT parent_id FROM org_links WHERE org_id = ANY(cur) AND NOT parent_id = ANY(seen));
    EXIT WHEN cardinality(cur) = 0;
    seen := seen || cur;
  END LOOP;
  RETURN ARRAY['all'] || seen::text[] || networks_reached::text[];
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION lt_move_marks(scopes text[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO data_marks (scope, backend, n) SELECT DISTINCT s, pg_backend_pid(), 1 FROM unnest(scopes) AS u(s)
  ON CONFLICT (scope, backend) DO UPDATE SET n = data_marks.n + 1
$fn$;
--> statement-breakpoint
-- The marks of the reach of some meetings (as they are now).
CREATE FUNCTION lt_move_meeting_marks(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM lt_move_marks(lt_meeting_reach(
    ARRAY(SELECT host_org_id FROM meetings WHERE id = ANY(ids)),
    ARRAY(SELECT network_id FROM meetings WHERE id = ANY(ids) AND network_id IS NOT NULL)));
END
$fn$;
--> statement-breakpoint
-- Meetings: the reach before and after the statement (a meeting moved to another host or network, or deleted).
CREATE FUNCTION lt_meetings_marks() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM lt_move_marks(lt_meeting_reach(ARRAY(SELECT host_org_id FROM new_rows),
      ARRAY(SELECT network_id FROM new_rows WHERE network_id IS NOT NULL)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM lt_move_marks(lt_meeting_reach(ARRAY(SELECT host_org_id FROM old_rows),
      ARRAY(SELECT network_id FROM old_rows WHERE network_id IS NOT NULL)));
  ELSE
    PERFORM lt_move_marks(lt_meeting_reach(
      ARRAY(SELECT host_org_id FROM new_rows UNION SELECT host_org_id FROM old_rows),
      ARRAY(SELECT network_id FROM new_rows WHERE network_id IS NOT NULL
        UNION SELECT network_id FROM old_rows WHERE network_id IS NOT NULL)));
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- Rows about one meeting (TG_ARGV[0] = 'meeting_id') or one meeting's minutes ('minutes_id'): their meetings' reach.
CREATE FUNCTION lt_meeting_rows_marks() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[];
BEGIN
  IF TG_ARGV[0] = 'minutes_id' THEN
    IF TG_OP = 'INSERT' THEN
      ids := ARRAY(SELECT DISTINCT mi.meeting_id FROM new_rows r JOIN minutes mi ON mi.id = r.minutes_id);
    ELSIF TG_OP = 'DELETE' THEN
      ids := ARRAY(SELECT DISTINCT mi.meeting_id FROM old_rows r JOIN minutes mi ON mi.id = r.minutes_id);
    ELSE
      ids := ARRAY(SELECT mi.meeting_id FROM new_rows r JOIN minutes mi ON mi.id = r.minutes_id
        UNION SELECT mi.meeting_id FROM old_rows r JOIN minutes mi ON mi.id = r.minutes_id);
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT meeting_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT meeting_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows);
  END IF;
  PERFORM lt_move_meeting_marks(ids);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- Invitations, attendance and meeting subjects already run a statement trigger with the meetings they touched
-- (migration 0015): it moves their marks too, and their own mark triggers go.
CREATE OR REPLACE FUNCTION lt_participation_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT meeting_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT meeting_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows);
  END IF;
  PERFORM lt_refresh_participation(ids);
  PERFORM lt_move_meeting_marks(ids);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- meeting_participation is written only by the triggers of the tables it is derived from, which move the marks.
DROP TRIGGER meeting_participation_data_mark ON meeting_participation;--> statement-breakpoint
DO $do$
DECLARE
  t text;
  col text;
BEGIN
  FOR t IN SELECT unnest(ARRAY['invitations', 'attendance', 'meeting_subjects']) LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_data_mark', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION lt_move_data_mark()', t || '_data_mark', t);
  END LOOP;
  EXECUTE 'DROP TRIGGER meetings_data_mark ON meetings';
  EXECUTE 'CREATE TRIGGER meetings_data_mark AFTER TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION lt_move_data_mark()';
  EXECUTE 'CREATE TRIGGER meetings_marks_ins AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lt_meetings_marks()';
  EXECUTE 'CREATE TRIGGER meetings_marks_upd AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lt_meetings_marks()';
  EXECUTE 'CREATE TRIGGER meetings_marks_del AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lt_meetings_marks()';
  FOR t, col IN SELECT * FROM unnest(
    ARRAY['meeting_presenters', 'agenda_items', 'venues', 'invitation_rules', 'attachments', 'minutes', 'lesson_studies',
      'lesson_plan_versions', 'observation_notes', 'preparation_reports', 'minutes_versions', 'minutes_signatures', 'minutes_addenda'],
    ARRAY['meeting_id', 'meeting_id', 'meeting_id', 'meeting_id', 'meeting_id', 'meeting_id', 'meeting_id',
      'meeting_id', 'meeting_id', 'meeting_id', 'minutes_id', 'minutes_id', 'minutes_id'])
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_data_mark', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION lt_move_data_mark()', t || '_data_mark', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lt_meeting_rows_marks(%L)', t || '_marks_ins', t, col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lt_meeting_rows_marks(%L)', t || '_marks_upd', t, col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lt_meeting_rows_marks(%L)', t || '_marks_del', t, col);
  END LOOP;
END
$do$;
