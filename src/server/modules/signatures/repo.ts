import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { orgs, type SIGNED_FORM_KINDS, signatureSettings, signedDocuments } from '../../db/schema';

export type SignedFormKind = (typeof SIGNED_FORM_KINDS)[number];
export type SignatureMode = 'account' | 'ca_required';

/** The Sở (province department) among an org's ancestors (the chain from the org up), or null. */
export async function departmentIn(db: Executor, chain: string[]): Promise<string | null> {
  if (!chain.length) return null;
  const rows = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(inArray(orgs.id, chain), eq(orgs.type, 'province_department')));
  const ids = new Set(rows.map((r) => r.id));
  return chain.find((id) => ids.has(id)) ?? null;
}

/** The Sở's setting for a form kind ("account" when none is stored). */
export async function modeOf(db: Executor, departmentId: string, formKind: SignedFormKind): Promise<SignatureMode> {
  const [row] = await db
    .select({ mode: signatureSettings.mode })
    .from(signatureSettings)
    .where(and(eq(signatureSettings.orgId, departmentId), eq(signatureSettings.formKind, formKind)))
    .limit(1);
  return row?.mode ?? 'account';
}

/** Every stored setting of a Sở. */
export function settingsOf(db: Executor, departmentId: string) {
  return db
    .select({ formKind: signatureSettings.formKind, mode: signatureSettings.mode, updatedAt: signatureSettings.updatedAt })
    .from(signatureSettings)
    .where(eq(signatureSettings.orgId, departmentId));
}

/** Stores a Sở's setting for a form kind. */
export async function putSetting(db: Executor, departmentId: string, formKind: SignedFormKind, mode: SignatureMode, by: string) {
  await db
    .insert(signatureSettings)
    .values({ orgId: departmentId, formKind, mode, updatedBy: by })
    .onConflictDoUpdate({
      target: [signatureSettings.orgId, signatureSettings.formKind],
      set: { mode, updatedBy: by, updatedAt: new Date() },
    });
}

/** The signed PDF of a record, if any. */
export async function signedDocumentOf(db: Executor, formKind: SignedFormKind, recordId: string) {
  const [row] = await db
    .select()
    .from(signedDocuments)
    .where(and(eq(signedDocuments.formKind, formKind), eq(signedDocuments.recordId, recordId)))
    .limit(1);
  return row;
}

/** Records a signed PDF (the row is never changed afterwards). */
export async function insertSignedDocument(db: Executor, row: typeof signedDocuments.$inferInsert) {
  const [created] = await db.insert(signedDocuments).values(row).returning();
  return created;
}
