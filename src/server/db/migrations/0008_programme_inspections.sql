CREATE TABLE "inspection_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_org_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"area_org_ids" uuid[] DEFAULT '{}' NOT NULL,
	"month" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_areas_month_first_day" CHECK (extract(day from "inspection_areas"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "inspection_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_documents_kind" CHECK ("inspection_documents"."kind" in ('timetable', 'summary', 'other'))
);
--> statement-breakpoint
CREATE TABLE "inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"rating" text NOT NULL,
	"finding" text,
	CONSTRAINT "inspection_items_rating" CHECK ("inspection_items"."rating" in ('met', 'partly', 'not_met'))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_org_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"area_id" uuid,
	"unit_org_id" uuid,
	"network_id" uuid,
	"visit_date" date NOT NULL,
	"inspectors" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"findings" text,
	"recommendations" text,
	"recorded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_target" CHECK (("inspections"."unit_org_id" is null) <> ("inspections"."network_id" is null)),
	CONSTRAINT "inspections_status" CHECK ("inspections"."status" in ('planned', 'recorded'))
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_org_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"level" "school_level" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"unit_org_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"grade" integer,
	"month" date NOT NULL,
	"notes" text,
	"meeting_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_month_first_day" CHECK (extract(day from "assignments"."month") = 1),
	CONSTRAINT "assignments_grade" CHECK ("assignments"."grade" is null or "assignments"."grade" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "inspection_areas" ADD CONSTRAINT "inspection_areas_province_org_id_orgs_id_fk" FOREIGN KEY ("province_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_areas" ADD CONSTRAINT "inspection_areas_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_documents" ADD CONSTRAINT "inspection_documents_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_documents" ADD CONSTRAINT "inspection_documents_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_province_org_id_orgs_id_fk" FOREIGN KEY ("province_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_area_id_inspection_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."inspection_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_org_id_orgs_id_fk" FOREIGN KEY ("unit_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_province_org_id_orgs_id_fk" FOREIGN KEY ("province_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_unit_org_id_orgs_id_fk" FOREIGN KEY ("unit_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_areas_year_idx" ON "inspection_areas" USING btree ("province_org_id","school_year_id","sort_order");--> statement-breakpoint
CREATE INDEX "inspection_documents_inspection_idx" ON "inspection_documents" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_items_inspection_idx" ON "inspection_items" USING btree ("inspection_id","position");--> statement-breakpoint
CREATE INDEX "inspections_year_idx" ON "inspections" USING btree ("province_org_id","school_year_id","visit_date");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("unit_org_id");--> statement-breakpoint
CREATE INDEX "assignments_year_idx" ON "assignments" USING btree ("province_org_id","school_year_id","month");--> statement-breakpoint
CREATE INDEX "assignments_unit_idx" ON "assignments" USING btree ("unit_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_meeting_unique" ON "assignments" USING btree ("meeting_id");