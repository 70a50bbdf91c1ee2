CREATE TABLE "report_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"snapshot" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reviews_action" CHECK ("report_reviews"."action" in ('submit', 'resubmit', 'return', 'accept'))
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid,
	"org_id" uuid,
	"school_year_id" uuid NOT NULL,
	"term_number" integer,
	"document_number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"reviewer_org_id" uuid NOT NULL,
	"advantages" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}' NOT NULL,
	"snapshot" jsonb,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_owner" CHECK (("reports"."network_id" is null) <> ("reports"."org_id" is null)),
	CONSTRAINT "reports_term" CHECK ("reports"."term_number" is null or "reports"."term_number" in (1, 2)),
	CONSTRAINT "reports_status" CHECK ("reports"."status" in ('draft', 'submitted', 'returned', 'resubmitted', 'accepted'))
);
--> statement-breakpoint
ALTER TABLE "report_reviews" ADD CONSTRAINT "report_reviews_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reviews" ADD CONSTRAINT "report_reviews_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reviewer_org_id_orgs_id_fk" FOREIGN KEY ("reviewer_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_reviews_report_idx" ON "report_reviews" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_owner_period_unique" ON "reports" USING btree (coalesce("network_id", "org_id"),"school_year_id",coalesce("term_number", 0));--> statement-breakpoint
CREATE INDEX "reports_reviewer_idx" ON "reports" USING btree ("reviewer_org_id","status");