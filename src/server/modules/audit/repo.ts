import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';

export interface AuditEntry {
  accountId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  orgId: string | null;
  before: unknown;
  after: unknown;
  requestId?: string | null;
}

/** Writes many audit rows in a few statements, in the caller's transaction (for imports). */
export async function insertMany(db: Executor, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db.insert(auditLog).values(entries.slice(i, i + 1000).map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null })));
  }
}

/** Audit rows, newest first; orgIds limits to rows about those orgs (null: all). */
export async function list(
  db: Executor,
  f: { entityType?: string; entityId?: string; orgIds: string[] | null; limit: number; offset: number },
) {
  const conds: SQL[] = [];
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.orgIds) {
    if (f.orgIds.length === 0) return { rows: [], total: 0 };
    conds.push(inArray(auditLog.orgId, f.orgIds));
  }
  const where = and(...conds);
  const [rows, count] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}
