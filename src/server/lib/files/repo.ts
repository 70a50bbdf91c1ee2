import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../../db/client';
import { attachments, inspectionDocuments, lessonPlanVersions, signedDocuments } from '../../db/schema';
import { type FileStore, sharedKey } from './store';

/**
 * Every column that names a file of the shared content-addressed store (key files/<xx>/<sha256>, see store.ts) by its storage
 * key. Two features storing the same bytes share one file, so a file may be removed only when none of these columns
 * names it any more. A new table keeping files in this store must be added here (storeRefs.test.ts fails otherwise).
 */
export const SHARED_STORE_REFERENCES: readonly PgColumn[] = [
  attachments.storageKey,
  inspectionDocuments.storageKey,
  lessonPlanVersions.storageKey,
  signedDocuments.storageKey,
];

/**
 * The other file-naming columns ("table.column") and why they are not counted above: their own stores, or the hash
 * beside a counted storage key. storeRefs.test.ts checks that every such column of the schema is in one of the lists.
 */
export const OTHER_FILE_COLUMNS: Readonly<Record<string, string>> = {
  'attachments.sha256': 'hash of the counted storage_key',
  'inspection_documents.sha256': 'hash of the counted storage_key',
  'signed_documents.sha256': 'hash of the counted storage_key',
  'materials.sha256': 'hash of the storage key below',
  'materials.storage_key': 'own store: DATA_DIR/library/files (a published copy)',
  'observation_notes.photo_key': 'own store: DATA_DIR/private/observations (personal data)',
};

/** How many rows, over every table of SHARED_STORE_REFERENCES, name the stored file. */
export async function sharedFileReferences(db: Executor, storageKey: string): Promise<number> {
  const counts = SHARED_STORE_REFERENCES.map((column) => sql`(select count(*) from ${column.table} where ${column} = ${storageKey})`);
  const [row] = await queryRows<{ n: number }>(db, sql`select (${sql.join(counts, sql` + `)})::int as n`);
  return Number(row?.n ?? 0);
}

/** Whether any row of any referencing table still names the stored file. */
export async function sharedFileInUse(db: Executor, storageKey: string): Promise<boolean> {
  return (await sharedFileReferences(db, storageKey)) > 0;
}

/**
 * Reference counting of the shared store: removes the stored file once no row of any referencing table names it
 * (call after the row that named it is gone, or when a new row could not be written). Returns whether it was removed.
 */
export async function releaseSharedFile(db: Executor, store: FileStore, storageKey: string): Promise<boolean> {
  if (await sharedFileInUse(db, storageKey)) return false;
  await store.delete(sharedKey(storageKey));
  return true;
}
