import type { HomeData } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { fieldError } from '../../lib/errors';
import * as networksRepo from '../networks/repo';
import * as networksService from '../networks/service';
import * as orgsRepo from '../orgs/repo';
import * as schoolYearsService from '../schoolYears/service';

/** My orgs (with my position) and the networks I lead or my schools belong to, for a school year. */
export async function home(db: Executor, actor: Actor, schoolYearId?: string): Promise<HomeData> {
  const years = await schoolYearsService.list(db);
  const schoolYear = schoolYearId ? years.find((y) => y.id === schoolYearId) : await schoolYearsService.current(db, todayIso());
  if (schoolYearId && !schoolYear) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  const orgRows = await orgsRepo.summaries(db, [...new Set(actor.roles.flatMap((r) => r.chain.slice(0, 2)))]);
  const byId = new Map(orgRows.map((o) => [o.id, o]));
  const orgs = actor.roles.flatMap((r) => {
    const o = byId.get(r.orgId);
    const parent = r.chain[1] ? byId.get(r.chain[1]) : undefined;
    return o ? [{ ...o, position: r.position, parentName: parent?.name ?? null }] : [];
  });
  const memberOrgIds = [
    ...new Set(actor.roles.flatMap((r) => (r.orgType === 'team' ? [r.orgId, r.chain[1]] : [r.orgId])).filter((x): x is string => !!x)),
  ];
  const networks = schoolYear
    ? await networksService.summarize(db, await networksRepo.networksOfPerson(db, actor.personId, memberOrgIds, schoolYear.id))
    : [];
  return { schoolYear: schoolYear ?? null, orgs, networks };
}
