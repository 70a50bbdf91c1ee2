import type { NetworkKind, OrgType } from '../../../shared/enums';
import type { OrgSummary, PlanItem, PlanSummary } from '../../../shared/types';
import type { Executor } from '../../db/client';
import { todayIso } from '../../lib/dates';
import * as orgsRepo from '../orgs/repo';
import type { PlanScope } from './policy';
import * as repo from './repo';

type ItemRow = Awaited<ReturnType<typeof repo.itemsOf>>[number];
type SummaryRow = Awaited<ReturnType<typeof repo.list>>[number];
type Owner = { networkId: string | null; orgId: string | null; reviewerOrgId: string };

const uniq = (ids: Array<string | null | undefined>) => [...new Set(ids.filter((x): x is string => !!x))];

/** For each plan owner (network or org) and reviewer, what the policy needs: leaders and org chains at today's date. */
export async function scopesOf(
  db: Executor,
  owners: Owner[],
): Promise<Array<PlanScope & { networkName?: string; networkKind?: NetworkKind }>> {
  const networkIds = uniq(owners.map((o) => o.networkId));
  const [nets, leaders, members] = await Promise.all([
    repo.networksByIds(db, networkIds),
    repo.leadersOf(db, networkIds),
    repo.membersOf(db, networkIds),
  ]);
  const netById = new Map(nets.map((n) => [n.id, n]));
  const orgIds = uniq([
    ...owners.flatMap((o) => [o.orgId, o.reviewerOrgId]),
    ...nets.flatMap((n) => [n.supervisingOrgId, n.leadOrgId]),
    ...members.map((m) => m.orgId),
  ]);
  const [chains, orgs] = await Promise.all([orgsRepo.ancestorChains(db, orgIds, todayIso()), orgsRepo.summaries(db, orgIds)]);
  const typeOf = new Map(orgs.map((o) => [o.id, o.type as string]));
  const chain = (id: string) => chains.get(id) ?? [id];
  return owners.map((o) => {
    const n = o.networkId ? netById.get(o.networkId) : undefined;
    return {
      reviewerType: typeOf.get(o.reviewerOrgId) ?? '',
      reviewerChain: chain(o.reviewerOrgId),
      org: o.orgId ? { type: typeOf.get(o.orgId) ?? '', chain: chain(o.orgId) } : undefined,
      network: n
        ? {
            leaderIds: leaders.filter((l) => l.networkId === n.id).map((l) => l.personId),
            leadChain: n.leadOrgId ? chain(n.leadOrgId) : null,
            supervisingChain: chain(n.supervisingOrgId),
            memberChains: members.filter((m) => m.networkId === n.id).map((m) => chain(m.orgId)),
          }
        : undefined,
      networkName: n?.name,
      networkKind: n?.kind,
    };
  });
}

/** Adds network and org summaries to plan rows. */
export async function summarize(db: Executor, rows: SummaryRow[]): Promise<PlanSummary[]> {
  const nets = new Map((await repo.networksByIds(db, uniq(rows.map((r) => r.networkId)))).map((n) => [n.id, n]));
  const orgs = new Map(
    (await orgsRepo.summaries(db, uniq(rows.flatMap((r) => [r.orgId, r.reviewerOrgId])))).map((o) => [o.id, o as OrgSummary]),
  );
  return rows.map((r) => {
    const n = r.networkId ? nets.get(r.networkId) : undefined;
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      schoolYearId: r.schoolYearId,
      schoolYearCode: r.schoolYearCode,
      termNumber: (r.termNumber as 1 | 2 | null) ?? null,
      network: n ? { id: n.id, name: n.name, kind: n.kind } : null,
      org: r.orgId ? (orgs.get(r.orgId) ?? null) : null,
      reviewerOrg: orgs.get(r.reviewerOrgId) as OrgSummary,
      itemCount: r.itemCount,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** Items with the names of their subjects, host and presenter orgs, presenter and linked meetings. */
export async function shapeItems(db: Executor, rows: ItemRow[]): Promise<PlanItem[]> {
  const [subjects, orgs, people, meetings] = await Promise.all([
    repo.subjectsByIds(db, uniq(rows.flatMap((r) => r.subjectIds))),
    orgsRepo.summaries(db, uniq(rows.flatMap((r) => [r.hostOrgId, r.presenterOrgId]))),
    repo.peopleByIds(db, uniq(rows.map((r) => r.presenterPersonId))),
    repo.meetingsOfItems(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const subjectById = new Map(subjects.map((s) => [s.id, s]));
  const orgById = new Map(orgs.map((o) => [o.id, { ...o, type: o.type as OrgType } as OrgSummary]));
  const personById = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    sortOrder: r.sortOrder,
    kind: r.kind,
    subjectIds: r.subjectIds,
    subjects: r.subjectIds.map((id) => subjectById.get(id)).filter((s) => s !== undefined),
    grade: r.grade,
    content: r.content,
    hostOrg: r.hostOrgId ? (orgById.get(r.hostOrgId) ?? null) : null,
    presenterPerson: r.presenterPersonId ? (personById.get(r.presenterPersonId) ?? null) : null,
    presenterOrg: r.presenterOrgId ? (orgById.get(r.presenterOrgId) ?? null) : null,
    proposedDate: r.proposedDate,
    proposedTime: r.proposedTime ? r.proposedTime.slice(0, 5) : null,
    place: r.place,
    mode: r.mode,
    plannedCount: r.plannedCount,
    status: r.status,
    statusReason: r.statusReason,
    meetings: meetings.filter((m) => m.planItemId === r.id).map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString() })),
  }));
}
