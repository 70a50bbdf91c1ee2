import { boolean, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';

/** The official forms that have a PDF/A copy and may carry the organisation's digital signature (decision 0032). */
export const SIGNED_FORM_KINDS = [
  'schedule',
  'minutes',
  'mau_3',
  'rollup',
  'phu_luc_1',
  'phu_luc_2',
  'inspection',
  'panel_results',
] as const;
export const signedFormKind = pgEnum('signed_form_kind', SIGNED_FORM_KINDS);

/** "account": today's in-app signatures, hashed and locked; "ca_required": a CA-signed PDF before the record locks. */
export const signatureMode = pgEnum('signature_mode', ['account', 'ca_required']);

/** Per Sở and form kind: how its records are signed. No row means "account". */
export const signatureSettings = pgTable(
  'signature_settings',
  {
    /** The Sở (an org of type province_department); every record under it follows its setting. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    formKind: signedFormKind('form_kind').notNull(),
    mode: signatureMode('mode').notNull(),
    updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'signature_settings_pk', columns: [t.orgId, t.formKind] })],
);

/**
 * A PDF/A copy of a record signed with the organisation's certificate, kept in the shared file store. Never changed
 * nor deleted (a trigger refuses): one per record and form kind.
 */
export const signedDocuments = pgTable(
  'signed_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formKind: signedFormKind('form_kind').notNull(),
    /** The record's id (for minutes: the meeting's id, as in the document's URL). */
    recordId: uuid('record_id').notNull(),
    /** The SHA-256 of the locked (or frozen) record the PDF shows, as printed in its QR code. */
    recordHash: text('record_hash').notNull(),
    /** DATA_DIR/files/<xx>/<sha256> of the signed PDF. */
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The seal certificate's subject common name. */
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    /** Whether the signature carries an RFC 3161 time-stamp token (PAdES B-T). */
    timestamped: boolean('timestamped').notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [unique('signed_documents_record_unique').on(t.formKind, t.recordId)],
);
