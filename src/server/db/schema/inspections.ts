import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { networks } from './networks';
import { orgs } from './orgs';
import { people } from './people';
import { schoolYears } from './schoolYears';

/** One row of the Sở's inspection plan (seed 002 Phụ lục II): the units of these districts are inspected in this month. */
export const inspectionAreas = pgTable(
  'inspection_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceOrgId: uuid('province_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    sortOrder: integer('sort_order').notNull().default(0),
    /** "Việt Yên, Yên Thế": as printed in the plan. */
    label: text('label').notNull(),
    /** The district offices or communes of the area. */
    areaOrgIds: uuid('area_org_ids').array().notNull().default(sql`'{}'`),
    /** First day of the inspection month. */
    month: date('month').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_areas_year_idx').on(t.provinceOrgId, t.schoolYearId, t.sortOrder),
    check('inspection_areas_month_first_day', sql`extract(day from ${t.month}) = 1`),
  ],
);

/** The Sở's inspection of one unit (a school, centre or network): visit date, inspectors, findings (GLOSSARY: inspection). */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceOrgId: uuid('province_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    areaId: uuid('area_id').references(() => inspectionAreas.id, { onDelete: 'set null' }),
    unitOrgId: uuid('unit_org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'restrict' }),
    visitDate: date('visit_date').notNull(),
    /** Members of the inspection team, one name (and title) each. */
    inspectors: text('inspectors').array().notNull().default(sql`'{}'`),
    status: text('status').notNull().default('planned'),
    findings: text('findings'),
    recommendations: text('recommendations'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_year_idx').on(t.provinceOrgId, t.schoolYearId, t.visitDate),
    index('inspections_unit_idx').on(t.unitOrgId),
    check('inspections_target', sql`(${t.unitOrgId} is null) <> (${t.networkId} is null)`),
    check('inspections_status', sql`${t.status} in ('planned', 'recorded')`),
  ],
);

/** One item of the checklist (seed 002 §II.2.1) as recorded at an inspection: its text then, rating and finding. */
export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    rating: text('rating').notNull(),
    finding: text('finding'),
  },
  (t) => [
    index('inspection_items_inspection_idx').on(t.inspectionId, t.position),
    check('inspection_items_rating', sql`${t.rating} in ('met', 'partly', 'not_met')`),
  ],
);

/** A document the inspected unit sends before the visit (timetable, summary report), stored like meeting attachments. */
export const inspectionDocuments = pgTable(
  'inspection_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_documents_inspection_idx').on(t.inspectionId),
    check('inspection_documents_kind', sql`${t.kind} in ('timetable', 'summary', 'other')`),
  ],
);
