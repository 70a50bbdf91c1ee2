import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { schoolLevel } from './enums';
import { meetings } from './meetings';
import { orgs, subjects } from './orgs';
import { people } from './people';
import { schoolYears } from './schoolYears';

/**
 * A province-level meeting the Sở assigns to a unit for a school year (GLOSSARY: assignment; seed 002 Phụ lục I:
 * TT | unit | subject | month, per level). The meeting that fulfils it is linked once the unit has planned it.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The province department that assigns (the unit's Sở). */
    provinceOrgId: uuid('province_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    level: schoolLevel('level').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    unitOrgId: uuid('unit_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'restrict' }),
    grade: integer('grade'),
    /** First day of the month the meeting is due in. */
    month: date('month').notNull(),
    notes: text('notes'),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assignments_year_idx').on(t.provinceOrgId, t.schoolYearId, t.month),
    index('assignments_unit_idx').on(t.unitOrgId),
    uniqueIndex('assignments_meeting_unique').on(t.meetingId),
    check('assignments_month_first_day', sql`extract(day from ${t.month}) = 1`),
    check('assignments_grade', sql`${t.grade} is null or ${t.grade} between 1 and 12`),
  ],
);
