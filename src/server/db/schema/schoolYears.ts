import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';

/** A school year such as 2024-2025. */
export const schoolYears = pgTable(
  'school_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique('school_years_code_unique'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
  },
  (t) => [check('school_years_range', sql`${t.endDate} > ${t.startDate}`)],
);

/** Term 1 (HK I) or term 2 (HK II) of a school year. */
export const terms = pgTable(
  'terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
  },
  (t) => [
    unique('terms_year_number_unique').on(t.schoolYearId, t.number),
    check('terms_number', sql`${t.number} in (1, 2)`),
    check('terms_range', sql`${t.endDate} > ${t.startDate}`),
  ],
);
