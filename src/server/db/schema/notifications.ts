import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from './people';

/** An in-app notice for one person (invitation, change, cancellation, minutes awaiting a signature…). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_person_idx').on(t.personId, t.createdAt)],
);
