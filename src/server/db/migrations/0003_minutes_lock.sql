-- Signed minutes can no longer be changed, by anyone: the database refuses it too, whatever the code path.
CREATE OR REPLACE FUNCTION lt_refuse_locked_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'locked' THEN
    RAISE EXCEPTION 'MINUTES_LOCKED' USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER minutes_locked_guard BEFORE UPDATE OR DELETE ON minutes
  FOR EACH ROW EXECUTE FUNCTION lt_refuse_locked_minutes();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lt_refuse_signatures_of_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st minutes_status;
BEGIN
  SELECT status INTO st FROM minutes WHERE id = COALESCE(NEW.minutes_id, OLD.minutes_id);
  IF st = 'locked' THEN
    RAISE EXCEPTION 'MINUTES_LOCKED' USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER minutes_signatures_locked_guard BEFORE INSERT OR UPDATE OR DELETE ON minutes_signatures
  FOR EACH ROW EXECUTE FUNCTION lt_refuse_signatures_of_locked();
--> statement-breakpoint
CREATE TRIGGER minutes_versions_locked_guard BEFORE INSERT OR UPDATE OR DELETE ON minutes_versions
  FOR EACH ROW EXECUTE FUNCTION lt_refuse_signatures_of_locked();
