import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** A secret token for an iCal feed: one per person ("my meetings") and one per network (its schedule). */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('calendar_tokens_token_unique').on(t.token),
    unique('calendar_tokens_owner_unique').on(t.kind, t.ownerId),
    index('calendar_tokens_owner_idx').on(t.ownerId),
    check('calendar_tokens_kind', sql`${t.kind} in ('person', 'network')`),
  ],
);
