import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgType, schoolLevel } from './enums';

/** An organisation: province department, district office, commune, school, centre or subject team. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique('orgs_code_unique'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: orgType('type').notNull(),
    levels: schoolLevel('levels').array().notNull().default(sql`'{}'`),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_type_idx').on(t.type),
    index('orgs_name_trgm_idx').using('gin', sql`lt_unaccent(lower(${t.name})) gin_trgm_ops`),
    check('orgs_valid_range', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** The parent of an org during a period: the tree changes over time (district offices → communes, 1/7/2025). */
export const orgLinks = pgTable(
  'org_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('org_links_org_idx').on(t.orgId),
    index('org_links_parent_idx').on(t.parentId),
    check('org_links_valid_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('org_links_not_self', sql`${t.orgId} <> ${t.parentId}`),
  ],
);

/** Subjects taught (Toán, Ngữ văn, …). */
export const subjects = pgTable('subjects', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique('subjects_code_unique'),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** The subjects a subject team covers. */
export const orgSubjects = pgTable(
  'org_subjects',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.subjectId] })],
);
