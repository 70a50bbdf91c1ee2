import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { minutesStatus } from './enums';
import { meetings } from './meetings';
import { people } from './people';

/** The minutes of a meeting (Mẫu 2): prefilled facts plus what the secretary writes; locked once all have signed. */
export const minutes = pgTable(
  'minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .unique('minutes_meeting_unique')
      .references(() => meetings.id, { onDelete: 'restrict' }),
    status: minutesStatus('status').notNull().default('draft'),
    /** Facts taken from the meeting when signing starts (date, place, presenters, counts, absentees). */
    facts: jsonb('facts').notNull().default({}),
    discussion: text('discussion').notNull().default(''),
    recommendations: text('recommendations').notNull().default(''),
    version: integer('version').notNull().default(1),
    /**
     * What else is frozen when signing starts (decision 0024): the required signers (chair, secretary, participants
     * with their roles) and the attachments' names and SHA-256; null on minutes that never went out for signing.
     */
    frozen: jsonb('frozen'),
    /** SHA-256 of the canonical text being signed; fixed when signing starts. */
    textHash: text('text_hash'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('minutes_status_idx').on(t.status)],
);

/** Every saved version of the minutes before locking. */
export const minutesVersions = pgTable(
  'minutes_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    discussion: text('discussion').notNull(),
    recommendations: text('recommendations').notNull(),
    savedBy: uuid('saved_by').references(() => people.id, { onDelete: 'set null' }),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('minutes_versions_unique').on(t.minutesId, t.version)],
);

/** A participant's confirmation of the minutes: who, when, and the hash of the text they signed. */
export const minutesSignatures = pgTable(
  'minutes_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'restrict' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role').notNull().default('participant'),
    textHash: text('text_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * How the signer proved who they were (decision 0028): 'account' (their own session), or at the venue on the
     * secretary's or chair's device with their own 'pin' or 'password'.
     */
    method: text('method').notNull().default('account'),
    /** At the venue: who held the device (the secretary or chair whose session submitted the signature). */
    heldBy: uuid('held_by').references(() => people.id, { onDelete: 'restrict' }),
    /** At the venue: the device's user agent, as its browser sent it. */
    device: text('device'),
  },
  (t) => [unique('minutes_signatures_unique').on(t.minutesId, t.personId), index('minutes_signatures_person_idx').on(t.personId)],
);

/** A correction after locking: a signed addendum; the locked minutes themselves never change. */
export const minutesAddenda = pgTable(
  'minutes_addenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'restrict' }),
    content: text('content').notNull(),
    textHash: text('text_hash').notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    signatures: jsonb('signatures').notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('minutes_addenda_minutes_idx').on(t.minutesId)],
);
