-- Decision 0024: once a meeting's minutes are out for signing or locked, the meeting and every part of it that the
-- signed record speaks of refuse changes in the database too, whatever the code path (the app refuses first, with the
-- same codes, in minutes/recordGuard.ts). MINUTES_SIGNING and MINUTES_LOCKED are mapped to 409 (lib/errorMapping.ts).
CREATE FUNCTION lt_raise_if_record_closed(mid uuid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  st minutes_status;
BEGIN
  SELECT status INTO st FROM minutes WHERE meeting_id = mid;
  IF st = 'locked' THEN
    RAISE EXCEPTION 'MINUTES_LOCKED' USING ERRCODE = 'P0001';
  ELSIF st = 'signing' THEN
    RAISE EXCEPTION 'MINUTES_SIGNING' USING ERRCODE = 'P0001';
  END IF;
END
$fn$;
--> statement-breakpoint
-- Rows of a meeting's parts: the old row's meeting on UPDATE and DELETE, the new row's on INSERT and UPDATE.
CREATE FUNCTION lt_refuse_closed_meeting_part() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM lt_raise_if_record_closed(OLD.meeting_id); END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM lt_raise_if_record_closed(NEW.meeting_id);
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$fn$;
--> statement-breakpoint
DO $do$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['meeting_subjects', 'meeting_presenters', 'agenda_items', 'venues', 'invitation_rules',
    'invitations', 'attendance', 'attachments']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION lt_refuse_closed_meeting_part()',
      t || '_record_guard', t);
  END LOOP;
END
$do$;
--> statement-breakpoint
-- The meeting row itself: while its minutes are out for signing the only change left is its status moving on to
-- held or minutes_locked (start-signing and the lock do that); the check-in secret and updated_at are not part of
-- the record. Deleting it is refused already (minutes.meeting_id is ON DELETE RESTRICT).
CREATE FUNCTION lt_refuse_closed_meeting() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF (to_jsonb(NEW) - 'status' - 'updated_at' - 'checkin_secret') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at' - 'checkin_secret')
     OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status NOT IN ('held', 'minutes_locked')) THEN
    PERFORM lt_raise_if_record_closed(OLD.id);
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER meetings_record_guard BEFORE UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION lt_refuse_closed_meeting();
