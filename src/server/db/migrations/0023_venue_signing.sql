ALTER TABLE "accounts" ADD COLUMN "signing_pin_hash" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "signing_pin_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD COLUMN "method" text DEFAULT 'account' NOT NULL;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD COLUMN "held_by" uuid;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_held_by_people_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_method_check" CHECK ("method" in ('account', 'pin', 'password') and (("method" = 'account') = ("held_by" is null)));
