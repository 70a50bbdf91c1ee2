-- Planner statistics for the per-meeting rows. ANALYZE samples 30,000 rows, and because the rows of one meeting sit
-- together it sees each meeting_id several times and estimates ~200,000 distinct meetings in 44 M attendance rows
-- (really 6 M): ~220 rows per meeting instead of ~7. The overestimate makes a read of a few hundred meetings look
-- like a million rows, so the planner hashes whole tables and switches on JIT (0.4 s of compilation per query).
-- A negative n_distinct is a share of the rows, so it stays right as the tables grow: about 10 rows per meeting.
ALTER TABLE "attendance" ALTER COLUMN "meeting_id" SET (n_distinct = -0.1);--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "meeting_id" SET (n_distinct = -0.1);--> statement-breakpoint
ANALYZE "attendance";--> statement-breakpoint
ANALYZE "invitations";
