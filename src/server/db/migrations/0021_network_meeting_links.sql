CREATE TABLE "network_meeting_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"subject_id" uuid,
	"org_id" uuid,
	"url" text NOT NULL,
	CONSTRAINT "network_meeting_links_unique" UNIQUE NULLS NOT DISTINCT("network_id","subject_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "venue_chosen" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "network_meeting_links" ADD CONSTRAINT "network_meeting_links_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_links" ADD CONSTRAINT "network_meeting_links_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_links" ADD CONSTRAINT "network_meeting_links_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;