CREATE TYPE "public"."signature_mode" AS ENUM('account', 'ca_required');--> statement-breakpoint
CREATE TYPE "public"."signed_form_kind" AS ENUM('schedule', 'minutes', 'mau_3', 'rollup', 'phu_luc_1', 'phu_luc_2', 'inspection', 'panel_results');--> statement-breakpoint
CREATE TABLE "signature_settings" (
	"org_id" uuid NOT NULL,
	"form_kind" "signed_form_kind" NOT NULL,
	"mode" "signature_mode" NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signature_settings_pk" PRIMARY KEY("org_id","form_kind")
);
--> statement-breakpoint
CREATE TABLE "signed_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_kind" "signed_form_kind" NOT NULL,
	"record_id" uuid NOT NULL,
	"record_hash" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"timestamped" boolean NOT NULL,
	"signed_by" uuid NOT NULL,
	CONSTRAINT "signed_documents_record_unique" UNIQUE("form_kind","record_id")
);
--> statement-breakpoint
ALTER TABLE "signature_settings" ADD CONSTRAINT "signature_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_settings" ADD CONSTRAINT "signature_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_signed_by_people_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION signed_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'SIGNED_DOCUMENT_IMMUTABLE' USING ERRCODE = 'P0001';
END;
$$;--> statement-breakpoint
CREATE TRIGGER signed_documents_immutable BEFORE UPDATE OR DELETE ON signed_documents
  FOR EACH ROW EXECUTE FUNCTION signed_document_immutable();
