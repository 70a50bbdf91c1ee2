import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { people } from './people';

/**
 * A secret token for an iCal feed, one per reader and feed: a person's own meetings (owner = the person), or a
 * network's schedule (owner = the network) as read by that person. The reader's access is checked at each read.
 */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The person reading the feed (for kind person, the owner). */
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('calendar_tokens_token_unique').on(t.token),
    unique('calendar_tokens_reader_unique').on(t.kind, t.ownerId, t.personId),
    index('calendar_tokens_owner_idx').on(t.ownerId),
    check('calendar_tokens_kind', sql`${t.kind} in ('person', 'network')`),
  ],
);
