import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import { meetingKind, meetingMode, planItemStatus, planStatus } from './enums';
import { networks } from './networks';
import { orgs } from './orgs';
import { people } from './people';
import { schoolYears } from './schoolYears';

/** A programme of meetings of a network or an org for a school year or one term, submitted for approval. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'restrict' }),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    termNumber: integer('term_number'),
    title: text('title').notNull(),
    status: planStatus('status').notNull().default('draft'),
    /** The org that approves: the network's supervising org, or the parent of the owning org. */
    reviewerOrgId: uuid('reviewer_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    notes: text('notes'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_network_idx').on(t.networkId),
    index('plans_org_idx').on(t.orgId),
    index('plans_reviewer_idx').on(t.reviewerOrgId, t.status),
    check('plans_owner', sql`(${t.networkId} is null) <> (${t.orgId} is null)`),
    check('plans_term', sql`${t.termNumber} is null or ${t.termNumber} in (1, 2)`),
  ],
);

/** The history of a plan's review: submitted, returned with a comment, approved; with a snapshot of its items. */
export const planReviews = pgTable(
  'plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
    snapshot: jsonb('snapshot'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_reviews_plan_idx').on(t.planId, t.at),
    check('plan_reviews_action', sql`${t.action} in ('submit', 'return', 'approve')`),
  ],
);

/** One planned meeting of a plan; after approval it is tracked as held, moved or cancelled (with a reason). */
export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull().default(0),
    kind: meetingKind('kind').notNull(),
    subjectIds: uuid('subject_ids').array().notNull().default(sql`'{}'`),
    grade: integer('grade'),
    content: text('content').notNull(),
    hostOrgId: uuid('host_org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    presenterPersonId: uuid('presenter_person_id').references(() => people.id, { onDelete: 'set null' }),
    presenterOrgId: uuid('presenter_org_id').references(() => orgs.id, { onDelete: 'set null' }),
    proposedDate: date('proposed_date'),
    proposedTime: time('proposed_time'),
    place: text('place'),
    mode: meetingMode('mode').notNull().default('in_person'),
    plannedCount: integer('planned_count'),
    status: planItemStatus('status').notNull().default('planned'),
    statusReason: text('status_reason'),
  },
  (t) => [
    index('plan_items_plan_idx').on(t.planId, t.sortOrder),
    check('plan_items_grade', sql`${t.grade} is null or ${t.grade} between 1 and 12`),
    check('plan_items_reason', sql`${t.status} not in ('moved', 'cancelled') or ${t.statusReason} is not null`),
  ],
);
