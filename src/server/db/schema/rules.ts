import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';
import { schoolYears } from './schoolYears';

/** The SHCM rules and deadlines a supervising org sets for what it supervises in one school year. */
export const ruleSets = pgTable(
  'rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    /** The preset it was created from (ben_tre, cu_chi, bac_giang) or null for a hand-made set. */
    preset: text('preset'),
    teamIntervalDays: integer('team_interval_days').notNull().default(14),
    planDueDate: date('plan_due_date'),
    preparationDaysBefore: integer('preparation_days_before'),
    term1ReportDue: date('term1_report_due'),
    yearReportDue: date('year_report_due'),
    dossierDaysBefore: integer('dossier_days_before'),
    updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('rule_sets_org_year_unique').on(t.orgId, t.schoolYearId),
    index('rule_sets_year_idx').on(t.schoolYearId),
    check('rule_sets_interval', sql`${t.teamIntervalDays} between 1 and 366`),
    check('rule_sets_preparation', sql`${t.preparationDaysBefore} is null or ${t.preparationDaysBefore} >= 0`),
    check('rule_sets_dossier', sql`${t.dossierDaysBefore} is null or ${t.dossierDaysBefore} >= 0`),
  ],
);

/** A minimum number of meetings of a kind of network (or of a team) per term or per year. */
export const ruleQuotas = pgTable(
  'rule_quotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleSetId: uuid('rule_set_id')
      .notNull()
      .references(() => ruleSets.id, { onDelete: 'cascade' }),
    target: text('target').notNull(),
    per: text('per').notNull(),
    minCount: integer('min_count').notNull(),
    /** True when each subject of the network (its plan's, else its schools' teams') must meet minCount times (seed 001). */
    perSubject: boolean('per_subject').notNull().default(false),
  },
  (t) => [
    unique('rule_quotas_set_target_per_unique').on(t.ruleSetId, t.target, t.per),
    check('rule_quotas_target', sql`${t.target} in ('cluster', 'school_group', 'district_group', 'custom', 'team')`),
    check('rule_quotas_per', sql`${t.per} in ('term', 'year')`),
    check('rule_quotas_min', sql`${t.minCount} >= 0`),
  ],
);

/** A period without meetings in a rule set's school year: a holiday (Tết) or an exam week. */
export const ruleBreaks = pgTable(
  'rule_breaks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleSetId: uuid('rule_set_id')
      .notNull()
      .references(() => ruleSets.id, { onDelete: 'cascade' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [
    index('rule_breaks_set_idx').on(t.ruleSetId, t.startDate),
    check('rule_breaks_range', sql`${t.endDate} >= ${t.startDate}`),
    check('rule_breaks_kind', sql`${t.kind} in ('holiday', 'exam')`),
  ],
);
