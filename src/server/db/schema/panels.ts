import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';
import { rubrics } from './rubrics';

/**
 * A panel event (seed 004): an org's contest or review where a panel (tổ điều hành) scores the teams' dossiers and
 * video reports with a rubric (a snapshot is kept), and the head selects N teams for the next level.
 */
export const panelEvents = pgTable(
  'panel_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organiserOrgId: uuid('organiser_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description'),
    eventDate: date('event_date').notNull(),
    place: text('place'),
    submissionDeadline: timestamp('submission_deadline', { withTimezone: true }).notNull(),
    selectCount: integer('select_count').notNull(),
    rubricId: uuid('rubric_id').references(() => rubrics.id, { onDelete: 'set null' }),
    rubricSnapshot: jsonb('rubric_snapshot').notNull(),
    headPersonId: uuid('head_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    selectedAt: timestamp('selected_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_events_organiser_idx').on(t.organiserOrgId), check('panel_events_select', sql`${t.selectCount} >= 1`)],
);

/** A member of an event's panel (the head is a member too). */
export const panelMembers = pgTable(
  'panel_members',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => panelEvents.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [unique('panel_members_unique').on(t.eventId, t.personId), index('panel_members_person_idx').on(t.personId)],
);

/** A team's entry: its dossier (plan, meeting-record book) and video report, with the presenters named. */
export const panelEntries = pgTable(
  'panel_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => panelEvents.id, { onDelete: 'cascade' }),
    teamOrgId: uuid('team_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    presenterIds: jsonb('presenter_ids').notNull(),
    /** [{ kind: team_plan | meeting_book | video | other, title, url?, materialId? }] */
    items: jsonb('items').notNull(),
    selected: boolean('selected').notNull().default(false),
    submittedBy: uuid('submitted_by').references(() => people.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('panel_entries_team_unique').on(t.eventId, t.teamOrgId)],
);

/** One panel member's scores of one entry, per criterion; final once submitted. */
export const panelScores = pgTable(
  'panel_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => panelEntries.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => panelEvents.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    /** { criterionKey: points } */
    points: jsonb('points').notNull(),
    total: numeric('total', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('panel_scores_unique').on(t.entryId, t.memberId), index('panel_scores_event_idx').on(t.eventId, t.memberId)],
);
