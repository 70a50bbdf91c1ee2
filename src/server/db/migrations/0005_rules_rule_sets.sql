CREATE TABLE "rule_breaks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "rule_breaks_range" CHECK ("rule_breaks"."end_date" >= "rule_breaks"."start_date"),
	CONSTRAINT "rule_breaks_kind" CHECK ("rule_breaks"."kind" in ('holiday', 'exam'))
);
--> statement-breakpoint
CREATE TABLE "rule_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"target" text NOT NULL,
	"per" text NOT NULL,
	"min_count" integer NOT NULL,
	CONSTRAINT "rule_quotas_set_target_per_unique" UNIQUE("rule_set_id","target","per"),
	CONSTRAINT "rule_quotas_target" CHECK ("rule_quotas"."target" in ('cluster', 'school_group', 'district_group', 'custom', 'team')),
	CONSTRAINT "rule_quotas_per" CHECK ("rule_quotas"."per" in ('term', 'year')),
	CONSTRAINT "rule_quotas_min" CHECK ("rule_quotas"."min_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"preset" text,
	"team_interval_days" integer DEFAULT 14 NOT NULL,
	"plan_due_date" date,
	"preparation_days_before" integer,
	"term1_report_due" date,
	"year_report_due" date,
	"dossier_days_before" integer,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_sets_org_year_unique" UNIQUE("org_id","school_year_id"),
	CONSTRAINT "rule_sets_interval" CHECK ("rule_sets"."team_interval_days" between 1 and 366),
	CONSTRAINT "rule_sets_preparation" CHECK ("rule_sets"."preparation_days_before" is null or "rule_sets"."preparation_days_before" >= 0),
	CONSTRAINT "rule_sets_dossier" CHECK ("rule_sets"."dossier_days_before" is null or "rule_sets"."dossier_days_before" >= 0)
);
--> statement-breakpoint
ALTER TABLE "rule_breaks" ADD CONSTRAINT "rule_breaks_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_quotas" ADD CONSTRAINT "rule_quotas_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rule_breaks_set_idx" ON "rule_breaks" USING btree ("rule_set_id","start_date");--> statement-breakpoint
CREATE INDEX "rule_sets_year_idx" ON "rule_sets" USING btree ("school_year_id");