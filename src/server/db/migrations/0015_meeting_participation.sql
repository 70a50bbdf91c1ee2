CREATE TABLE "meeting_participation" (
	"meeting_id" uuid NOT NULL,
	"school_id" uuid,
	"invited" integer NOT NULL,
	"present" integer NOT NULL,
	"day" date NOT NULL,
	"held" boolean NOT NULL,
	"host_org_id" uuid NOT NULL,
	"network_id" uuid,
	"subject_ids" uuid[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_participation" ADD CONSTRAINT "meeting_participation_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_participation_meeting_idx" ON "meeting_participation" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participation_host_idx" ON "meeting_participation" USING btree ("host_org_id","day") WHERE "meeting_participation"."held";--> statement-breakpoint
CREATE INDEX "meeting_participation_network_idx" ON "meeting_participation" USING btree ("network_id","day") WHERE "meeting_participation"."held";--> statement-breakpoint
-- Participation totals kept per meeting and school (decision 0015). lt_participation_of(ids, every_meeting) computes
-- the rows of some meetings (or of all) from their invitations and attendance; it is a plain SQL function so that it
-- is inlined where it is called, and each caller below is a static statement with its own cached plan: index reads
-- for a few meetings, whole-table joins for every meeting (no planning per check-in).
CREATE FUNCTION lt_participation_of(ids uuid[], every_meeting boolean)
RETURNS TABLE (meeting_id uuid, school_id uuid, invited integer, present integer, day date, held boolean,
  host_org_id uuid, network_id uuid, subject_ids uuid[])
LANGUAGE sql STABLE AS $fn$
    SELECT g.meeting_id, g.school_id, g.invited, g.present, (m.starts_at AT TIME ZONE 'UTC' + interval '7 hours')::date,
      m.status IN ('held', 'minutes_locked'), m.host_org_id, m.network_id,
      ARRAY(SELECT ms.subject_id FROM meeting_subjects ms WHERE ms.meeting_id = m.id ORDER BY ms.subject_id)
    FROM (
    SELECT p.meeting_id, p.school_id, count(*)::int AS invited, (count(*) FILTER (WHERE p.present))::int AS present
    FROM (
      SELECT DISTINCT ON (x.meeting_id, x.person_id) x.meeting_id, x.present,
        CASE WHEN mo.type = 'team' THEN l.parent_id ELSE mo.id END AS school_id
      FROM (
        SELECT y.meeting_id, y.person_id, bool_or(y.present) AS present FROM (
          SELECT i.meeting_id, i.person_id, false AS present FROM invitations i WHERE every_meeting OR i.meeting_id = ANY(ids)
          UNION ALL
          SELECT a.meeting_id, a.person_id, a.status IN ('present', 'late') FROM attendance a WHERE every_meeting OR a.meeting_id = ANY(ids)
        ) y GROUP BY y.meeting_id, y.person_id
      ) x
      JOIN meetings m ON m.id = x.meeting_id
      CROSS JOIN LATERAL (SELECT (m.starts_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS day) d
      LEFT JOIN (memberships ms JOIN orgs mo ON mo.id = ms.org_id AND mo.type IN ('school', 'center', 'team'))
        ON ms.person_id = x.person_id
        AND (ms.valid_from IS NULL OR ms.valid_from <= d.day) AND (ms.valid_to IS NULL OR ms.valid_to >= d.day)
      LEFT JOIN org_links l ON l.org_id = mo.id AND mo.type = 'team'
        AND l.valid_from <= d.day AND (l.valid_to IS NULL OR l.valid_to >= d.day)
      ORDER BY x.meeting_id, x.person_id, (mo.type = 'team'), ms.valid_from DESC
    ) p
    GROUP BY p.meeting_id, p.school_id
    ) g JOIN meetings m ON m.id = g.meeting_id
$fn$;
--> statement-breakpoint
-- lt_refresh_participation(ids) recomputes the rows of some meetings; with null it rebuilds every meeting (the backfill
-- below, and the data generator after a bulk load). Each meeting's rows are recomputed whole, under a lock on the
-- meeting row, so two check-ins at the same meeting cannot both add their rows.
CREATE FUNCTION lt_refresh_participation(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NOT NULL THEN
    IF cardinality(ids) = 0 THEN RETURN; END IF;
    PERFORM 1 FROM meetings WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    DELETE FROM meeting_participation WHERE meeting_id = ANY(ids);
    INSERT INTO meeting_participation (meeting_id, school_id, invited, present, day, held, host_org_id, network_id, subject_ids)
    SELECT * FROM lt_participation_of(ids, false);
  ELSE
    DELETE FROM meeting_participation;
    INSERT INTO meeting_participation (meeting_id, school_id, invited, present, day, held, host_org_id, network_id, subject_ids)
    SELECT * FROM lt_participation_of(NULL, true);
  END IF;
END
$fn$;
--> statement-breakpoint
-- Invitations, attendance and meeting subjects: the meetings a statement touched.
CREATE FUNCTION lt_participation_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM lt_refresh_participation(ARRAY(SELECT DISTINCT meeting_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM lt_refresh_participation(ARRAY(SELECT DISTINCT meeting_id FROM old_rows));
  ELSE
    PERFORM lt_refresh_participation(ARRAY(SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- Memberships: the meetings of the people whose memberships changed (where they are placed may have changed).
CREATE FUNCTION lt_participation_members_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  who uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    who := ARRAY(SELECT DISTINCT person_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    who := ARRAY(SELECT DISTINCT person_id FROM old_rows);
  ELSE
    who := ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows);
  END IF;
  PERFORM lt_refresh_participation(ARRAY(
    SELECT i.meeting_id FROM invitations i WHERE i.person_id = ANY(who)
    UNION SELECT a.meeting_id FROM attendance a WHERE a.person_id = ANY(who)));
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- Team links: a team moved to another school moves its members' rows (links of schools and offices do not).
CREATE FUNCTION lt_participation_links_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  teams uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    teams := ARRAY(SELECT DISTINCT r.org_id FROM new_rows r JOIN orgs o ON o.id = r.org_id AND o.type = 'team');
  ELSIF TG_OP = 'DELETE' THEN
    teams := ARRAY(SELECT DISTINCT r.org_id FROM old_rows r JOIN orgs o ON o.id = r.org_id AND o.type = 'team');
  ELSE
    teams := ARRAY(SELECT r.org_id FROM new_rows r JOIN orgs o ON o.id = r.org_id AND o.type = 'team'
      UNION SELECT r.org_id FROM old_rows r JOIN orgs o ON o.id = r.org_id AND o.type = 'team');
  END IF;
  IF cardinality(teams) = 0 THEN RETURN NULL; END IF;
  PERFORM lt_refresh_participation(ARRAY(
    SELECT i.meeting_id FROM invitations i JOIN memberships ms ON ms.person_id = i.person_id WHERE ms.org_id = ANY(teams)
    UNION SELECT a.meeting_id FROM attendance a JOIN memberships ms ON ms.person_id = a.person_id WHERE ms.org_id = ANY(teams)));
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- A meeting moved to another day (its people may belong elsewhere then), held, cancelled, or moved to another host
-- or network: its rows carry those facts.
CREATE FUNCTION lt_participation_meeting_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM lt_refresh_participation(ARRAY[NEW.id]);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER invitations_participation_ins AFTER INSERT ON invitations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER invitations_participation_upd AFTER UPDATE ON invitations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER invitations_participation_del AFTER DELETE ON invitations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER attendance_participation_ins AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER attendance_participation_upd AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER attendance_participation_del AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER memberships_participation_ins AFTER INSERT ON memberships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_members_changed();--> statement-breakpoint
CREATE TRIGGER memberships_participation_upd AFTER UPDATE ON memberships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_members_changed();--> statement-breakpoint
CREATE TRIGGER memberships_participation_del AFTER DELETE ON memberships REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_members_changed();--> statement-breakpoint
CREATE TRIGGER org_links_participation_ins AFTER INSERT ON org_links REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_links_changed();--> statement-breakpoint
CREATE TRIGGER org_links_participation_upd AFTER UPDATE ON org_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_links_changed();--> statement-breakpoint
CREATE TRIGGER org_links_participation_del AFTER DELETE ON org_links REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_links_changed();--> statement-breakpoint
CREATE TRIGGER meetings_participation_changed AFTER UPDATE OF starts_at, status, host_org_id, network_id ON meetings
  FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.host_org_id IS DISTINCT FROM NEW.host_org_id OR OLD.network_id IS DISTINCT FROM NEW.network_id)
  EXECUTE FUNCTION lt_participation_meeting_changed();--> statement-breakpoint
CREATE TRIGGER meeting_subjects_participation_ins AFTER INSERT ON meeting_subjects REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER meeting_subjects_participation_upd AFTER UPDATE ON meeting_subjects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
CREATE TRIGGER meeting_subjects_participation_del AFTER DELETE ON meeting_subjects REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lt_participation_rows_changed();--> statement-breakpoint
SET LOCAL work_mem = '256MB';--> statement-breakpoint
SELECT lt_refresh_participation(NULL);--> statement-breakpoint
ANALYZE "meeting_participation";
