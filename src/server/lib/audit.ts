import type { Executor } from '../db/client';
import * as auditRepo from '../modules/audit/repo';
import type { Actor } from './actor';

/** Records a write in the audit log, inside the caller's transaction. `orgId` scopes who may read it. */
export async function audit(
  db: Executor,
  actor: Pick<Actor, 'accountId' | 'fullName'> | null,
  entry: { action: string; entityType: string; entityId: string; orgId: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await auditMany(db, actor, [entry]);
}

/** Records many writes at once (an import), inside the caller's transaction. */
export async function auditMany(
  db: Executor,
  actor: Pick<Actor, 'accountId' | 'fullName'> | null,
  entries: Array<{ action: string; entityType: string; entityId: string; orgId: string | null; before?: unknown; after?: unknown }>,
): Promise<void> {
  await auditRepo.insertMany(
    db,
    entries.map((e) => ({
      accountId: actor?.accountId ?? null,
      actorName: actor?.fullName ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      orgId: e.orgId,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}
