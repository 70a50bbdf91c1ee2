CREATE TABLE "lesson_plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"stage" text DEFAULT 'design' NOT NULL,
	"body_html" text,
	"note" text,
	"file_name" text,
	"mime_type" text,
	"size" integer,
	"storage_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_plan_versions_unique" UNIQUE("meeting_id","version"),
	CONSTRAINT "lesson_plan_versions_stage" CHECK ("lesson_plan_versions"."stage" in ('design', 'revised')),
	CONSTRAINT "lesson_plan_versions_body" CHECK ("lesson_plan_versions"."body_html" is not null or "lesson_plan_versions"."storage_key" is not null)
);
--> statement-breakpoint
CREATE TABLE "lesson_studies" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"step" integer DEFAULT 1 NOT NULL,
	"seat_layout" jsonb,
	"analysis_teacher" text DEFAULT '' NOT NULL,
	"analysis_evidence" text DEFAULT '' NOT NULL,
	"analysis_expert" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_studies_step" CHECK ("lesson_studies"."step" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "observation_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"seat" text,
	"shared_at" timestamp with time zone,
	"photo_key" text,
	"photo_mime" text,
	"photo_size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lesson_plan_comments" ADD CONSTRAINT "lesson_plan_comments_version_id_lesson_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."lesson_plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plan_comments" ADD CONSTRAINT "lesson_plan_comments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plan_versions" ADD CONSTRAINT "lesson_plan_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plan_versions" ADD CONSTRAINT "lesson_plan_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_studies" ADD CONSTRAINT "lesson_studies_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_studies" ADD CONSTRAINT "lesson_studies_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_observer_id_people_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_plan_comments_version_idx" ON "lesson_plan_comments" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "observation_notes_meeting_idx" ON "observation_notes" USING btree ("meeting_id","observed_at");--> statement-breakpoint
CREATE INDEX "observation_notes_observer_idx" ON "observation_notes" USING btree ("observer_id","meeting_id");