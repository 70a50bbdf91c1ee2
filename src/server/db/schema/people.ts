import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { position, schoolLevel } from './enums';
import { orgs, subjects } from './orgs';

/** A member of staff: teacher, manager, specialist. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code'),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    gender: text('gender'),
    /** The school levels the person teaches, when stated; empty = derived from their school or team (see teachingLevels.ts). */
    teachingLevels: schoolLevel('teaching_levels').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_code_unique').on(t.code),
    uniqueIndex('people_email_unique').on(sql`lower(${t.email})`),
    index('people_name_trgm_idx').using('gin', sql`lt_unaccent(lower(${t.fullName})) gin_trgm_ops`),
    check('people_gender', sql`${t.gender} is null or ${t.gender} in ('male', 'female')`),
  ],
);

/** A person's position in an org during a period (membership). */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    position: position('position').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    index('memberships_person_idx').on(t.personId),
    index('memberships_org_idx').on(t.orgId),
    check('memberships_valid_range', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Subjects a person teaches. */
export const personSubjects = pgTable(
  'person_subjects',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.subjectId] })],
);
