import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { meetings } from './meetings';
import { orgs, subjects } from './orgs';
import { people } from './people';

/** A shared material (học liệu): a file in the library, tagged and visible to a network, a province or everyone. */
export const materials = pgTable(
  'materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    description: text('description'),
    subjectId: uuid('subject_id').references(() => subjects.id, { onDelete: 'restrict' }),
    grade: integer('grade'),
    textbookSeries: text('textbook_series'),
    lesson: text('lesson'),
    visibility: text('visibility').notNull(),
    /** The uploader's school (or office) at upload time, and the province at the top of its chain. */
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    provinceOrgId: uuid('province_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    sourceAttachmentId: uuid('source_attachment_id'),
    /** Title, subject, grade, series and lesson in one string, searched without diacritics. */
    searchText: text('search_text').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('materials_owner_idx').on(t.ownerOrgId),
    index('materials_search_trgm_idx').using('gin', sql`lt_unaccent(lower(${t.searchText})) gin_trgm_ops`),
    check('materials_kind', sql`${t.kind} in ('lesson_plan', 'slides', 'outline', 'video', 'photo', 'other')`),
    check('materials_visibility', sql`${t.visibility} in ('network', 'province', 'public')`),
    check('materials_series', sql`${t.textbookSeries} is null or ${t.textbookSeries} in ('ket_noi', 'chan_troi', 'canh_dieu')`),
    check('materials_grade', sql`${t.grade} is null or ${t.grade} between 1 and 12`),
  ],
);

/** A comment on a material; for videos, at a time code (seconds from the start). */
export const materialComments = pgTable(
  'material_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => materials.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    atSeconds: integer('at_seconds'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('material_comments_material_idx').on(t.materialId, t.atSeconds),
    check('material_comments_at', sql`${t.atSeconds} is null or ${t.atSeconds} >= 0`),
  ],
);
