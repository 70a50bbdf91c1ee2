CREATE INDEX "meeting_presenters_person_idx" ON "meeting_presenters" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meetings_chair_idx" ON "meetings" USING btree ("chair_person_id");--> statement-breakpoint
CREATE INDEX "meetings_secretary_idx" ON "meetings" USING btree ("secretary_person_id");