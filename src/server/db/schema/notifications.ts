import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** Unique per notice when the event has a natural key (deadline:plan:<id>:<person>:7d): never sent twice. */
    dedupeKey: text('dedupe_key'),
    /** How the notice goes out by e-mail: none (in-app only), now (outbox at once) or digest (in the daily digest). */
    emailMode: text('email_mode').notNull().default('none'),
    /** When the notice was put into a daily digest e-mail. */
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_person_idx').on(t.personId, t.createdAt),
    uniqueIndex('notifications_dedupe_unique').on(t.dedupeKey),
    index('notifications_digest_idx').on(t.personId).where(sql`${t.emailMode} = 'digest' and ${t.digestedAt} is null`),
    check('notifications_email_mode', sql`${t.emailMode} in ('none', 'now', 'digest')`),
  ],
);

/** A person's choice, per category of notice, of how to receive it. Missing rows mean the default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.category] }),
    check('notification_preferences_category', sql`${t.category} in ('meetings', 'signatures', 'reviews', 'deadlines')`),
    check('notification_preferences_channel', sql`${t.channel} in ('in_app', 'email_now', 'email_digest')`),
  ],
);

/** One e-mail to send, written in the transaction of the event that causes it; worked by the scheduler with retries. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The same notice is never queued twice: deadline:<kind>:<id>:<person>:<7d|1d|overdue>, digest:<person>:<day>… */
    dedupeKey: text('dedupe_key').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Due time of the next attempt; a claimed row is pushed forward by the lease, so no other worker takes it. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_unique').on(t.dedupeKey),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('mail_outbox_status', sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);
