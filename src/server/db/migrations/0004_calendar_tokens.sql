CREATE TABLE "calendar_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_tokens_token_unique" UNIQUE("token"),
	CONSTRAINT "calendar_tokens_owner_unique" UNIQUE("kind","owner_id"),
	CONSTRAINT "calendar_tokens_kind" CHECK ("calendar_tokens"."kind" in ('person', 'network'))
);
--> statement-breakpoint
CREATE INDEX "calendar_tokens_owner_idx" ON "calendar_tokens" USING btree ("owner_id");