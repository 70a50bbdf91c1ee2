CREATE TYPE "public"."leadership_mode" AS ENUM('named', 'rotating');--> statement-breakpoint
CREATE TYPE "public"."network_kind" AS ENUM('cluster', 'school_group', 'district_group', 'custom');--> statement-breakpoint
CREATE TYPE "public"."network_role" AS ENUM('leader', 'deputy');--> statement-breakpoint
CREATE TYPE "public"."org_type" AS ENUM('province_department', 'district_office', 'commune', 'school', 'center', 'team');--> statement-breakpoint
CREATE TYPE "public"."position" AS ENUM('principal', 'vice_principal', 'team_head', 'team_deputy', 'teacher', 'office_leader', 'specialist');--> statement-breakpoint
CREATE TYPE "public"."school_level" AS ENUM('preschool', 'primary', 'lower_secondary', 'upper_secondary');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"org_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_leaders" (
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "network_role" NOT NULL,
	CONSTRAINT "network_leaders_network_id_person_id_pk" PRIMARY KEY("network_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"network_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "network_members_network_id_org_id_pk" PRIMARY KEY("network_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "network_kind" NOT NULL,
	"name" text NOT NULL,
	"school_year_id" uuid NOT NULL,
	"supervising_org_id" uuid NOT NULL,
	"parent_network_id" uuid,
	"lead_org_id" uuid,
	"leadership_mode" "leadership_mode" DEFAULT 'named' NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networks_year_supervisor_name_unique" UNIQUE("school_year_id","supervising_org_id","name")
);
--> statement-breakpoint
CREATE TABLE "org_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "org_links_valid_range" CHECK ("org_links"."valid_to" is null or "org_links"."valid_to" >= "org_links"."valid_from"),
	CONSTRAINT "org_links_not_self" CHECK ("org_links"."org_id" <> "org_links"."parent_id")
);
--> statement-breakpoint
CREATE TABLE "org_subjects" (
	"org_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	CONSTRAINT "org_subjects_org_id_subject_id_pk" PRIMARY KEY("org_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"type" "org_type" NOT NULL,
	"levels" "school_level"[] DEFAULT '{}' NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orgs_code_unique" UNIQUE("code"),
	CONSTRAINT "orgs_valid_range" CHECK ("orgs"."valid_to" is null or "orgs"."valid_from" is null or "orgs"."valid_to" >= "orgs"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "subjects_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" "position" NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "memberships_valid_range" CHECK ("memberships"."valid_to" is null or "memberships"."valid_from" is null or "memberships"."valid_to" >= "memberships"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"full_name" text NOT NULL,
	"email" text,
	"phone" text,
	"gender" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_gender" CHECK ("people"."gender" is null or "people"."gender" in ('male', 'female'))
);
--> statement-breakpoint
CREATE TABLE "person_subjects" (
	"person_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	CONSTRAINT "person_subjects_person_id_subject_id_pk" PRIMARY KEY("person_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "school_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "school_years_code_unique" UNIQUE("code"),
	CONSTRAINT "school_years_range" CHECK ("school_years"."end_date" > "school_years"."start_date")
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_year_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "terms_year_number_unique" UNIQUE("school_year_id","number"),
	CONSTRAINT "terms_number" CHECK ("terms"."number" in (1, 2)),
	CONSTRAINT "terms_range" CHECK ("terms"."end_date" > "terms"."start_date")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_leaders" ADD CONSTRAINT "network_leaders_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_leaders" ADD CONSTRAINT "network_leaders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_supervising_org_id_orgs_id_fk" FOREIGN KEY ("supervising_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_parent_network_id_networks_id_fk" FOREIGN KEY ("parent_network_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_lead_org_id_orgs_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_links" ADD CONSTRAINT "org_links_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_links" ADD CONSTRAINT "org_links_parent_id_orgs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_subjects" ADD CONSTRAINT "org_subjects_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_subjects" ADD CONSTRAINT "org_subjects_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_subjects" ADD CONSTRAINT "person_subjects_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_subjects" ADD CONSTRAINT "person_subjects_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms" ADD CONSTRAINT "terms_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email_unique" ON "accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_person_unique" ON "accounts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_account_idx" ON "auth_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_expires_idx" ON "auth_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "login_attempts_key_at_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "network_leaders_person_idx" ON "network_leaders" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "network_members_org_idx" ON "network_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "networks_year_idx" ON "networks" USING btree ("school_year_id");--> statement-breakpoint
CREATE INDEX "networks_supervisor_idx" ON "networks" USING btree ("supervising_org_id");--> statement-breakpoint
CREATE INDEX "networks_name_trgm_idx" ON "networks" USING gin (lt_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "org_links_org_idx" ON "org_links" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "org_links_parent_idx" ON "org_links" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "orgs_type_idx" ON "orgs" USING btree ("type");--> statement-breakpoint
CREATE INDEX "orgs_name_trgm_idx" ON "orgs" USING gin (lt_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_code_unique" ON "people" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_unique" ON "people" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin (lt_unaccent(lower("full_name")) gin_trgm_ops);