-- One feed token per reader: a network's shared token is revoked (its readers fetch their own link again);
-- a person's token becomes that person's.
DELETE FROM "calendar_tokens" WHERE "kind" = 'network';--> statement-breakpoint
ALTER TABLE "calendar_tokens" DROP CONSTRAINT "calendar_tokens_owner_unique";--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD COLUMN "person_id" uuid;--> statement-breakpoint
UPDATE "calendar_tokens" SET "person_id" = "owner_id";--> statement-breakpoint
DELETE FROM "calendar_tokens" WHERE "person_id" NOT IN (SELECT "id" FROM "people");--> statement-breakpoint
ALTER TABLE "calendar_tokens" ALTER COLUMN "person_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_reader_unique" UNIQUE("kind","owner_id","person_id");
