import type { AuditRow, Paged } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import * as orgsRepo from '../orgs/repo';
import { auditRoots, authorize } from './policy';
import * as repo from './repo';

/** A readable name of the audited record from its stored values. */
export function auditLabel(...values: unknown[]): string | null {
  for (const v of values) {
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const label = [o.name, o.fullName, o.email, o.code].find((x) => typeof x === 'string' && x.length > 0);
    if (typeof label === 'string') return label;
  }
  return null;
}

/** Audit rows the actor may read, newest first. */
export async function list(
  db: Executor,
  actor: Actor,
  q: { entityType?: string; entityId?: string; page: number; pageSize: number },
): Promise<Paged<AuditRow>> {
  authorize(actor, 'read');
  const roots = auditRoots(actor);
  const orgIds = roots === null ? null : await orgsRepo.subtreeIds(db, roots, todayIso());
  const { rows, total } = await repo.list(db, { ...q, orgIds, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      label: auditLabel(r.after, r.before),
      before: r.before,
      after: r.after,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
