import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { networks } from './networks';
import { orgs } from './orgs';
import { people } from './people';
import { schoolYears } from './schoolYears';

/**
 * A term or year report (Mẫu 3) of a network or an org: narrative typed by people, results computed from meetings
 * and attendance (live while draft or returned, frozen in `snapshot` at each submission), reviewed by the network's
 * supervising org or the org's parent.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'restrict' }),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    /** 1 or 2 for a term report; null for the whole year. */
    termNumber: integer('term_number'),
    /** The number of the document ("12/BC-THCSTTĐ"), typed by the drafter. */
    documentNumber: text('document_number'),
    status: text('status').notNull().default('draft'),
    reviewerOrgId: uuid('reviewer_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    /** I. Những thuận lợi và khó khăn. */
    advantages: text('advantages').notNull().default(''),
    /** III. Kiến nghị. */
    recommendations: text('recommendations').notNull().default(''),
    /** Chosen photos: attachment ids of the period's meetings. */
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'`),
    /** The computed results frozen at the last submission (null while never submitted). */
    snapshot: jsonb('snapshot'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_owner_period_unique').on(
      sql`coalesce(${t.networkId}, ${t.orgId})`,
      t.schoolYearId,
      sql`coalesce(${t.termNumber}, 0)`,
    ),
    index('reports_reviewer_idx').on(t.reviewerOrgId, t.status),
    check('reports_owner', sql`(${t.networkId} is null) <> (${t.orgId} is null)`),
    check('reports_term', sql`${t.termNumber} is null or ${t.termNumber} in (1, 2)`),
    check('reports_status', sql`${t.status} in ('draft', 'submitted', 'returned', 'resubmitted', 'accepted')`),
  ],
);

/** The review history of a report: submitted, returned with a comment, resubmitted, accepted; with the numbers then. */
export const reportReviews = pgTable(
  'report_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
    snapshot: jsonb('snapshot'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_reviews_report_idx').on(t.reportId, t.at),
    check('report_reviews_action', sql`${t.action} in ('submit', 'resubmit', 'return', 'accept')`),
  ],
);
