import type { PanelEventInput, PanelEventSummary, PanelEventView } from '../../../shared/panels';
import type { RubricGroup } from '../../../shared/rubrics';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import { requireNameable } from '../orgs/naming';
import * as orgsRepo from '../orgs/repo';
import { maxTotal, readRubric } from '../rubrics/service';
import { authorize, canOrganise, canRead, canSeeAllEntries, canSeeScores, isHead, isMember, type PanelScope } from './policy';
import { rankEntries } from './ranking';
import * as repo from './repo';

export interface RubricSnapshot {
  id: string | null;
  name: string;
  groups: RubricGroup[];
}

/** An event with its panel and the actor's scope over it; 404 when missing, 403 when the actor may not read it. */
export async function load(db: Executor, actor: Actor, id: string, lock = false) {
  const row = await repo.findEvent(db, id, lock);
  if (!row) throw notFound('hội thi');
  const [members, entries, organiserChain, myScoreCount] = await Promise.all([
    repo.membersOf(db, [id]),
    repo.entriesOf(db, id),
    orgsRepo.ancestorChain(db, row.e.organiserOrgId, todayIso()),
    repo.scoreCountOf(db, id, actor.personId),
  ]);
  const scope: PanelScope = {
    organiserOrgId: row.e.organiserOrgId,
    organiserChain,
    headPersonId: row.e.headPersonId,
    memberIds: members.map((m) => m.id),
    entryCount: entries.length,
    myScoreCount,
  };
  authorize(actor, 'read', scope);
  return { row, scope, members, entries, rubric: row.e.rubricSnapshot as RubricSnapshot };
}

/** Events the actor may read, with their role in each. */
export async function list(db: Executor, actor: Actor): Promise<PanelEventSummary[]> {
  const rows = await repo.listEvents(db);
  const members = await repo.membersOf(
    db,
    rows.map((r) => r.e.id),
  );
  const chains = await orgsRepo.ancestorChains(db, [...new Set(rows.map((r) => r.e.organiserOrgId))], todayIso());
  return rows.flatMap((r) => {
    const scope: PanelScope = {
      organiserOrgId: r.e.organiserOrgId,
      organiserChain: chains.get(r.e.organiserOrgId) ?? [],
      headPersonId: r.e.headPersonId,
      memberIds: members.filter((m) => m.eventId === r.e.id).map((m) => m.id),
      entryCount: r.entryCount,
      myScoreCount: 0,
    };
    if (!canRead(actor, scope)) return [];
    const role = isHead(actor, scope)
      ? 'head'
      : isMember(actor, scope)
        ? 'member'
        : canOrganise(actor, scope.organiserChain)
          ? 'organiser'
          : 'team';
    return [
      {
        id: r.e.id,
        title: r.e.title,
        organiserOrgName: r.organiserName,
        eventDate: r.e.eventDate,
        submissionDeadline: r.e.submissionDeadline.toISOString(),
        entryCount: r.entryCount,
        role,
      },
    ];
  });
}

/** The schools of teams (each team's parent), by team id. */
export async function schoolNames(db: Executor, teamIds: string[]): Promise<Map<string, string>> {
  const chains = await orgsRepo.ancestorChains(db, teamIds, todayIso());
  const schools = await orgsRepo.summaries(db, [...new Set([...chains.values()].map((c) => c[1]).filter((x): x is string => !!x))]);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return new Map(teamIds.map((t) => [t, names.get(chains.get(t)?.[1] ?? '') ?? '']));
}

/** The ranking of an event's entries (all submitted scores). */
export async function ranking(db: Executor, loaded: Awaited<ReturnType<typeof load>>) {
  const { row, entries, rubric } = loaded;
  const [scores, schools] = await Promise.all([
    repo.scoresOf(db, row.e.id),
    schoolNames(
      db,
      entries.map((e) => e.entry.teamOrgId),
    ),
  ]);
  return rankEntries(
    entries.map((e) => ({
      entryId: e.entry.id,
      teamName: e.teamName,
      schoolName: schools.get(e.entry.teamOrgId) || null,
      selected: e.entry.selected,
      scores: scores
        .filter((s) => s.entryId === e.entry.id)
        .map((s) => ({ memberName: s.memberName, points: s.points as Record<string, number>, total: s.total })),
    })),
    rubric.groups,
    row.e.selectCount,
  );
}

/** The event page: panel, entries the actor may see, their own scores, and the ranking when allowed. */
export async function get(db: Executor, actor: Actor, id: string): Promise<PanelEventView> {
  const loaded = await load(db, actor, id);
  const { row, scope, members, entries, rubric } = loaded;
  const e = row.e;
  const all = canSeeAllEntries(actor, scope);
  const visible = entries.filter((x) => all || actor.roles.some((r) => r.chain.includes(x.entry.teamOrgId)));
  const presenterIds = [...new Set(visible.flatMap((x) => x.entry.presenterIds as string[]))];
  const [people, schools, scores, head] = await Promise.all([
    repo.peopleByIds(db, presenterIds),
    schoolNames(
      db,
      visible.map((x) => x.entry.teamOrgId),
    ),
    repo.scoresOf(db, id),
    repo.peopleByIds(db, [e.headPersonId]),
  ]);
  const seeScores = canSeeScores(actor, scope);
  const ranked = seeScores || e.selectedAt ? await ranking(db, loaded) : null;
  const open = !e.selectedAt && new Date() <= e.submissionDeadline;
  const teamRole = actor.roles.some(
    (r) => r.chain.includes(e.organiserOrgId) && ['team_head', 'team_deputy', 'principal', 'vice_principal'].includes(r.position),
  );
  const allScored = scope.memberIds.length * entries.length;
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    organiserOrg: { id: e.organiserOrgId, name: row.organiserName },
    eventDate: e.eventDate,
    place: e.place,
    submissionDeadline: e.submissionDeadline.toISOString(),
    selectCount: e.selectCount,
    rubric: { ...rubric, maxTotal: maxTotal(rubric.groups) },
    head: head[0] ?? { id: e.headPersonId, fullName: '' },
    members: members.map((m) => ({ id: m.id, fullName: m.fullName })),
    entries: visible.map((x) => {
      const mine = scores.find((s) => s.entryId === x.entry.id && s.memberId === actor.personId);
      return {
        id: x.entry.id,
        team: { id: x.entry.teamOrgId, name: x.teamName, schoolName: schools.get(x.entry.teamOrgId) || null },
        presenters: (x.entry.presenterIds as string[]).map((pid) => people.find((p) => p.id === pid) ?? { id: pid, fullName: '' }),
        dossier: x.entry.items as PanelEventView['entries'][number]['dossier'],
        submittedAt: x.entry.submittedAt.toISOString(),
        selected: x.entry.selected,
        myScore: mine ? { points: mine.points as Record<string, number>, total: mine.total, comment: mine.comment } : null,
      };
    }),
    ranking: ranked?.map((r) => (seeScores ? r : { ...r, memberTotals: [] })) ?? null,
    myProgress: isMember(actor, scope) ? { scored: scope.myScoreCount, total: entries.length } : null,
    selectedAt: e.selectedAt?.toISOString() ?? null,
    can: {
      submitEntry: open && (teamRole || canOrganise(actor, scope.organiserChain)),
      score: isMember(actor, scope) && !e.selectedAt && scope.myScoreCount < entries.length,
      select: isHead(actor, scope) && !e.selectedAt && entries.length > 0 && scores.length === allScored,
      seeRanking: ranked !== null,
      export: seeScores,
    },
  };
}

/** Creates an event with its panel (office staff over the organiser org). The rubric is copied into the event. */
export async function create(tx: Executor, actor: Actor, v: PanelEventInput): Promise<string> {
  const org = await orgsRepo.findById(tx, v.organiserOrgId);
  if (!org) throw fieldError('organiserOrgId', 'Đơn vị tổ chức không tồn tại');
  const chain = await orgsRepo.ancestorChain(tx, v.organiserOrgId, todayIso());
  authorize(actor, 'organise', { organiserChain: chain });
  const rubric = await readRubric(tx, v.rubricId, actor).catch(() => {
    throw fieldError('rubricId', 'Bộ tiêu chí không tồn tại hoặc bạn không được dùng');
  });
  if (rubric.noGrading || rubric.maxTotal <= 0) throw fieldError('rubricId', 'Tổ điều hành cần bộ tiêu chí có chấm điểm');
  const memberIds = [...new Set([v.headPersonId, ...v.memberIds])];
  const found = await repo.peopleByIds(tx, memberIds);
  if (!found.some((p) => p.id === v.headPersonId)) throw fieldError('headPersonId', 'Tổ trưởng tổ điều hành không tồn tại');
  if (found.length !== memberIds.length) throw fieldError('memberIds', 'Có thành viên tổ điều hành không tồn tại');
  await requireNameable(
    tx,
    actor,
    [
      { field: 'headPersonId', personIds: [v.headPersonId] },
      { field: 'memberIds', personIds: v.memberIds },
    ],
    [v.organiserOrgId],
  );
  const snapshot: RubricSnapshot = { id: rubric.id, name: rubric.name, groups: rubric.groups };
  const row = {
    organiserOrgId: v.organiserOrgId,
    title: v.title,
    description: v.description ?? null,
    eventDate: v.eventDate,
    place: v.place ?? null,
    submissionDeadline: new Date(v.submissionDeadline),
    selectCount: v.selectCount,
    rubricId: rubric.id,
    rubricSnapshot: snapshot,
    headPersonId: v.headPersonId,
  };
  const { id } = await repo.insertEvent(tx, { ...row, createdBy: actor.personId });
  await repo.insertMembers(tx, id, memberIds);
  await audit(tx, actor, {
    action: 'create',
    entityType: 'panel_event',
    entityId: id,
    orgId: v.organiserOrgId,
    after: { ...row, memberIds },
  });
  return id;
}
