CREATE TABLE "preparation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"note" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preparation_reports_unique" UNIQUE("assignment_id","meeting_id")
);
--> statement-breakpoint
ALTER TABLE "preparation_reports" ADD CONSTRAINT "preparation_reports_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparation_reports" ADD CONSTRAINT "preparation_reports_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparation_reports" ADD CONSTRAINT "preparation_reports_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "preparation_reports_meeting_idx" ON "preparation_reports" USING btree ("meeting_id");