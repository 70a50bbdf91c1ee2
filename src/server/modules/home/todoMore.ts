import type { TodoAdminItem, TodoInspectionItem } from '../../../shared/homeViews';
import type { Executor } from '../../db/client';
import { type Actor, managedRoots } from '../../lib/actor';
import { inspectionSide, watchesMail } from './policy';
import * as repo from './repo';

/** Inspections show this many days ahead (and, for the inspector, stay once their day passed without a record). */
export const INSPECTION_AHEAD_DAYS = 14;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The inspections that are the actor's work: for the Sở staff who record them, visits of the coming two weeks and
 * past visits of the current school year without a record (overdue); for the inspected unit's managers, visits of
 * the coming two weeks.
 */
export async function inspectionItems(db: Executor, actor: Actor, today: string, yearIds: string[]): Promise<TodoInspectionItem[]> {
  // Past visits count in the current school year (or, between two years, the last twelve months), not older ones.
  const rows = await repo.inspectionsUpTo(db, managedRoots(actor), addDays(today, -365), addDays(today, INSPECTION_AHEAD_DAYS), yearIds);
  return rows.flatMap((r) => {
    const side = inspectionSide(actor, r);
    const overdue = r.visitDate < today;
    if (!side || (side === 'unit' && overdue)) return [];
    return [
      {
        id: r.id,
        targetName: r.unitName ?? r.networkName ?? '',
        visitDate: r.visitDate,
        side,
        overdue,
        link: `/inspections/${r.id}`,
      },
    ];
  });
}

/** An administrator's work: e-mails that failed every attempt. */
export async function adminItems(db: Executor, actor: Actor): Promise<TodoAdminItem[]> {
  if (!watchesMail(actor)) return [];
  const count = await repo.failedMailCount(db);
  return count > 0 ? [{ kind: 'failedMail', count, link: '/admin/outbox' }] : [];
}
