import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';

/**
 * A rubric (tiêu chí đánh giá): groups of criteria with their maximum points and optional level descriptors, kept as
 * data. Presets have no owner org and a preset key; an org's own rubrics are readable below it.
 */
export const rubrics = pgTable(
  'rubrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrgId: uuid('owner_org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    presetKey: text('preset_key').unique('rubrics_preset_key_unique'),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    /** Lesson study: criteria are discussion prompts, the teacher is not scored. */
    noGrading: boolean('no_grading').notNull().default(false),
    /** [{ key, title, criteria: [{ key, title, maxPoints, levels: [{ label, points, description }] }] }] */
    groups: jsonb('groups').notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rubrics_owner_idx').on(t.ownerOrgId),
    check('rubrics_purpose', sql`${t.purpose} in ('lesson_analysis', 'dossier', 'presentation', 'panel')`),
  ],
);
