import type { SchoolYearInput } from '../../../shared/schemas';
import type { SchoolYear } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import { authorize } from './policy';
import * as repo from './repo';

/** Every school year, newest first. */
export function list(db: Executor): Promise<SchoolYear[]> {
  return repo.listWithTerms(db);
}

/** The school year containing a date; else the latest one that started before it; else the newest. */
export async function current(db: Executor, date: string): Promise<SchoolYear | null> {
  const years = await repo.listWithTerms(db);
  return years.find((y) => y.startDate <= date && date <= y.endDate) ?? years.find((y) => y.startDate <= date) ?? years[0] ?? null;
}

/** Creates a school year with its two terms. */
export async function create(tx: Executor, actor: Actor, input: SchoolYearInput) {
  authorize(actor, 'manage');
  const y = await repo.insert(tx, { code: input.code, startDate: input.startDate, endDate: input.endDate }, input.terms);
  await audit(tx, actor, { action: 'create', entityType: 'school_year', entityId: y.id, orgId: null, after: input });
  return y;
}

/** Changes a school year's dates and terms. */
export async function update(tx: Executor, actor: Actor, id: string, input: SchoolYearInput) {
  authorize(actor, 'manage');
  const before = (await repo.listWithTerms(tx)).find((y) => y.id === id);
  if (!before) throw notFound('năm học');
  const y = await repo.update(tx, id, { code: input.code, startDate: input.startDate, endDate: input.endDate }, input.terms);
  await audit(tx, actor, { action: 'update', entityType: 'school_year', entityId: id, orgId: null, before, after: input });
  return y;
}
