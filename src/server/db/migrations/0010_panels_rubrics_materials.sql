CREATE TABLE "material_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"author_id" uuid,
	"at_seconds" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "material_comments_at" CHECK ("material_comments"."at_seconds" is null or "material_comments"."at_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"subject_id" uuid,
	"grade" integer,
	"textbook_series" text,
	"lesson" text,
	"visibility" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"province_org_id" uuid NOT NULL,
	"meeting_id" uuid,
	"source_attachment_id" uuid,
	"search_text" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "materials_kind" CHECK ("materials"."kind" in ('lesson_plan', 'slides', 'outline', 'video', 'photo', 'other')),
	CONSTRAINT "materials_visibility" CHECK ("materials"."visibility" in ('network', 'province', 'public')),
	CONSTRAINT "materials_series" CHECK ("materials"."textbook_series" is null or "materials"."textbook_series" in ('ket_noi', 'chan_troi', 'canh_dieu')),
	CONSTRAINT "materials_grade" CHECK ("materials"."grade" is null or "materials"."grade" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "panel_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"team_org_id" uuid NOT NULL,
	"presenter_ids" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"selected" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_entries_team_unique" UNIQUE("event_id","team_org_id")
);
--> statement-breakpoint
CREATE TABLE "panel_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"event_date" date NOT NULL,
	"place" text,
	"submission_deadline" timestamp with time zone NOT NULL,
	"select_count" integer NOT NULL,
	"rubric_id" uuid,
	"rubric_snapshot" jsonb NOT NULL,
	"head_person_id" uuid NOT NULL,
	"selected_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_events_select" CHECK ("panel_events"."select_count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "panel_members_unique" UNIQUE("event_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "panel_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"points" jsonb NOT NULL,
	"total" numeric(8, 2) NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_scores_unique" UNIQUE("entry_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid,
	"preset_key" text,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"no_grading" boolean DEFAULT false NOT NULL,
	"groups" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rubrics_preset_key_unique" UNIQUE("preset_key"),
	CONSTRAINT "rubrics_purpose" CHECK ("rubrics"."purpose" in ('lesson_analysis', 'dossier', 'presentation', 'panel'))
);
--> statement-breakpoint
ALTER TABLE "material_comments" ADD CONSTRAINT "material_comments_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_comments" ADD CONSTRAINT "material_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_province_org_id_orgs_id_fk" FOREIGN KEY ("province_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_entries" ADD CONSTRAINT "panel_entries_event_id_panel_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."panel_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_entries" ADD CONSTRAINT "panel_entries_team_org_id_orgs_id_fk" FOREIGN KEY ("team_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_entries" ADD CONSTRAINT "panel_entries_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_events" ADD CONSTRAINT "panel_events_organiser_org_id_orgs_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_events" ADD CONSTRAINT "panel_events_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_events" ADD CONSTRAINT "panel_events_head_person_id_people_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_events" ADD CONSTRAINT "panel_events_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_event_id_panel_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."panel_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_entry_id_panel_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."panel_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_event_id_panel_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."panel_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_member_id_people_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_comments_material_idx" ON "material_comments" USING btree ("material_id","at_seconds");--> statement-breakpoint
CREATE INDEX "materials_owner_idx" ON "materials" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "materials_search_trgm_idx" ON "materials" USING gin (lt_unaccent(lower("search_text")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "panel_events_organiser_idx" ON "panel_events" USING btree ("organiser_org_id");--> statement-breakpoint
CREATE INDEX "panel_members_person_idx" ON "panel_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "panel_scores_event_idx" ON "panel_scores" USING btree ("event_id","member_id");--> statement-breakpoint
CREATE INDEX "rubrics_owner_idx" ON "rubrics" USING btree ("owner_org_id");