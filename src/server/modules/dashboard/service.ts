import type { ComplianceView, DashboardQuery } from '../../../shared/dashboard';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { type Mark, MarkedCache, type MarkScope, readDataMark, WHOLE } from '../../lib/markedCache';
import * as orgsRepo from '../orgs/repo';
import { effectiveRulesMany, planDueOn } from '../rules/effective';
import { addDays } from '../rules/presets';
import { heldBySubject, subjectsInPlay } from '../rules/subjectsInPlay';
import { bestDocument, deadlineRows, networkCompliance, rateRow, teamCompliance } from './compliance';
import { authorize, managedSchools, officeRoots } from './policy';
import * as repo from './repo';

type Year = NonNullable<Awaited<ReturnType<typeof repo.yearAt>>>;
type Resolved = { scope: repo.Scope; view: ComplianceView['scope']; choices: ComplianceView['choices'] };

/** The school year and term of a day: the term that has started last (term 1 before the year starts). */
function termOf(year: Year, asOf: string): ComplianceView['term'] {
  const started = year.terms.filter((t) => t.startDate <= asOf);
  const t = started[started.length - 1] ?? year.terms[0];
  if (!t) throw new AppError('INVALID_STATE', { params: { message: `Năm học ${year.code} chưa có học kỳ` } });
  return { number: t.number as 1 | 2, startDate: t.startDate, endDate: t.endDate };
}

/** Works out whose dashboard to show and checks the actor may see it; 403 for anyone with no office or network. */
async function resolveScope(db: Executor, actor: Actor, q: DashboardQuery, year: Year, asOf: string, mark?: Mark): Promise<Resolved> {
  const offices = officeRoots(actor);
  const schools = managedSchools(actor);
  const led = await kept(ledNetworks, db, JSON.stringify([actor.personId, schools, year.id]), mark, () =>
    repo.ledNetworks(db, actor.personId, schools, year.id),
  );
  const choices: ComplianceView['choices'] = [
    ...offices.map((o) => ({ kind: 'org' as const, id: o.id, name: o.name })),
    ...led.map((n) => ({ kind: 'network' as const, id: n.id, name: n.name })),
  ];
  if (q.networkId) {
    const n = await repo.networkFacts(db, q.networkId);
    if (!n) throw notFound('mạng lưới');
    const supervisingChain = await orgsRepo.ancestorChain(db, n.supervisingOrgId, asOf);
    authorize(actor, 'see.network', { ...n, supervisingChain });
    return { scope: { kind: 'networks', networkIds: [n.id] }, view: { kind: 'network', id: n.id, name: n.name }, choices };
  }
  if (q.orgId) {
    const org = await orgsRepo.findById(db, q.orgId);
    if (!org) throw notFound('đơn vị');
    authorize(actor, 'see.org', { orgChain: await orgsRepo.ancestorChain(db, org.id, asOf) });
    return { scope: { kind: 'orgs', rootIds: [org.id] }, view: { kind: 'org', id: org.id, name: org.name }, choices };
  }
  if (offices.length)
    return { scope: { kind: 'orgs', rootIds: [offices[0].id] }, view: { kind: 'org', id: offices[0].id, name: offices[0].name }, choices };
  if (led.length)
    return { scope: { kind: 'networks', networkIds: [led[0].id] }, view: { kind: 'network', id: led[0].id, name: led[0].name }, choices };
  authorize(actor, 'see.all');
  return { scope: { kind: 'all' }, view: { kind: 'all', id: null, name: 'Toàn hệ thống' }, choices };
}

/**
 * The compliance dashboard of an office (its subtree) or a network, as of a day (default today): networks behind
 * their quota this term, teams behind the two-week rule, plans and reports overdue or due soon, the next 30 days'
 * meetings, and participation (present ÷ invited) by subject and by school. A fixed number of queries.
 *
 * With `keep` (GET routes pass it, lib/markedCache.ts), what was computed at the same data mark is answered again:
 * the school year of the day and the networks the actor leads (mark '*': they read no meeting), and the figures,
 * which depend only on the scope and the day, not on who asks (the policy is checked for every caller first), at the
 * mark of their scope (decision 0030): a write elsewhere leaves them kept. Without it (a call inside a transaction),
 * everything is read afresh.
 */
export async function compliance(db: Executor, actor: Actor, q: DashboardQuery, keep = false): Promise<ComplianceView> {
  const { figures, choices } = await complianceParts(db, actor, q, keep);
  return { ...figures, choices };
}

/** As compliance, in its two parts: the figures (shared by every caller at the same mark) and the actor's choices. */
export async function complianceParts(
  db: Executor,
  actor: Actor,
  q: DashboardQuery,
  keep = false,
): Promise<{ figures: Figures; choices: ComplianceView['choices'] }> {
  const mark = keep ? await readDataMark(db) : undefined;
  const { year, asOf } = await yearAndDay(db, q, mark);
  termOf(year, asOf); // a year without terms is refused before the policy's queries
  const { scope, view, choices } = await resolveScope(db, actor, q, year, asOf, mark);
  // the figures read their school year again: the computation may run later than this request, at a newer mark
  const scopeMark = keep ? await readDataMark(db, marksOf(scope)) : undefined;
  const figures = await kept(dashboards, db, JSON.stringify([asOf, year.id, scope, view]), scopeMark, async () => {
    const current = await (q.schoolYearId ? repo.yearById(db, q.schoolYearId) : repo.yearAt(db, asOf));
    if (!current) throw fieldError('date', 'Chưa có năm học nào chứa ngày này');
    return figuresOf(db, current, termOf(current, asOf), scope, view, asOf);
  });
  return { figures, choices };
}

/**
 * The school year and the day to look from: the chosen year (the header's) with today clamped into it, or the year
 * of the given day (default today). A day outside the chosen year is a 400 naming «Ngày».
 */
async function yearAndDay(db: Executor, q: DashboardQuery, mark?: Mark): Promise<{ year: Year; asOf: string }> {
  if (q.schoolYearId) {
    const id = q.schoolYearId;
    const year = await kept(years, db, `id:${id}`, mark, () => repo.yearById(db, id));
    if (!year) throw notFound('năm học');
    if (q.date && (q.date < year.startDate || q.date > year.endDate))
      throw fieldError('date', `«Ngày» phải nằm trong năm học ${year.code} đã chọn`);
    const today = todayIso();
    const asOf = q.date ?? (today < year.startDate ? year.startDate : today > year.endDate ? year.endDate : today);
    return { year, asOf };
  }
  const asOf = q.date ?? todayIso();
  const year = await kept(years, db, asOf, mark, () => repo.yearAt(db, asOf));
  if (!year) throw fieldError('date', 'Chưa có năm học nào chứa ngày này');
  return { year, asOf };
}

export type Figures = Omit<ComplianceView, 'choices'>;
const MINUTES = 60_000;
const dashboards = new MarkedCache<Figures>({ maxEntries: 100, maxAgeMs: 10 * MINUTES });
const years = new MarkedCache<Awaited<ReturnType<typeof repo.yearAt>>>({ maxEntries: 50, maxAgeMs: 10 * MINUTES });
const ledNetworks = new MarkedCache<Awaited<ReturnType<typeof repo.ledNetworks>>>({ maxEntries: 5_000, maxAgeMs: 10 * MINUTES });

/** For tests: how many times the figures were computed (a dashboard served without a computation was a kept one). */
export const figuresComputed = () => dashboards.computations;

/** The kept answer at mark, or a fresh computation when there is no mark. */
function kept<T>(cache: MarkedCache<T>, db: Executor, key: string, mark: Mark | undefined, compute: () => Promise<T>): Promise<T> {
  return mark === undefined ? compute() : cache.get(db, key, mark, compute);
}

/**
 * The marks a dashboard's figures depend on (decision 0030): an office's own (every meeting hosted under it, or of a
 * network it supervises or has members in, moves it), a network's own and its members' (their teams' meetings), or
 * the whole country's.
 */
function marksOf(scope: repo.Scope): MarkScope {
  if (scope.kind === 'orgs') return { marks: scope.rootIds };
  if (scope.kind === 'networks') return { marks: scope.networkIds, membersOf: scope.networkIds };
  return WHOLE;
}

/** Everything the dashboard shows for a scope on a day: a fixed number of queries, whatever the scope's size. */
async function figuresOf(
  db: Executor,
  year: Year,
  term: ComplianceView['term'],
  scope: repo.Scope,
  view: ComplianceView['scope'],
  asOf: string,
): Promise<Figures> {
  const rows = await repo.networksWithCounts(db, scope, year.id, asOf, term.startDate, term.endDate);
  const networkIds = rows.map((n) => n.id);
  const [rulesByOrg, plans, reports, teams, inPlay, heldBy] = await Promise.all([
    effectiveRulesMany(
      db,
      rows.map((n) => n.supervisingOrgId),
      year.id,
    ),
    repo.plansOf(db, networkIds, year.id),
    repo.reportsOf(db, networkIds, year.id),
    repo.teamsOf(db, scope, asOf),
    subjectsInPlay(db, networkIds, year.id, term.number, asOf),
    heldBySubject(db, networkIds, term.startDate, term.endDate),
  ]);
  const planOf = new Map(
    rows.map((n) => [
      n.id,
      bestDocument(
        plans.filter((p) => p.networkId === n.id),
        term.number,
      ),
    ]),
  );
  const networks = networkCompliance(rows, rulesByOrg, term, planOf, inPlay, heldBy);

  const teamIds = teams.map((t) => t.id);
  const [teamRules, teamMeetings, upcoming, part] = await Promise.all([
    effectiveRulesMany(db, teamIds, year.id),
    repo.teamMeetingCounts(db, teamIds, asOf, term.startDate, asOf < term.endDate ? asOf : term.endDate),
    repo.upcoming(db, scope, networkIds, asOf, asOf, addDays(asOf, 30)),
    repo.participation(db, scope, networkIds, asOf, term.startDate, term.endDate),
  ]);
  const teamRows = teamCompliance(teams, teamMeetings, teamRules, term, asOf);

  const planDue = (orgId: string) => planDueOn(rulesByOrg.get(orgId), term);
  const reportDue = (orgId: string) => {
    const r = rulesByOrg.get(orgId);
    return (term.number === 1 ? r?.term1ReportDue : r?.yearReportDue) ?? null;
  };
  const planRows = deadlineRows(
    rows.map((n) => ({ id: n.id, name: n.name, dueDate: planDue(n.supervisingOrgId), doc: planOf.get(n.id) })),
    'plan',
    asOf,
  );
  const reportTerm = term.number === 1 ? 1 : null;
  const reportRows = deadlineRows(
    rows.map((n) => ({
      id: n.id,
      name: n.name,
      dueDate: reportDue(n.supervisingOrgId),
      doc: reports.find((r) => r.networkId === n.id && r.termNumber === reportTerm),
    })),
    'report',
    asOf,
  );
  const total = rateRow({ id: null, name: 'Tổng', ...part.total }, '');
  return {
    asOf,
    schoolYear: { id: year.id, code: year.code },
    term,
    scope: view,
    summary: {
      networks: networks.length,
      networksBehind: networks.filter((n) => n.behind).length,
      teams: teamRows.length,
      teamsBehind: teamRows.filter((t) => t.behind).length,
      plansOverdue: planRows.filter((p) => p.state === 'overdue').length,
      plansDueSoon: planRows.filter((p) => p.state === 'due_soon').length,
      plansAwaitingReview: planRows.filter((p) => p.state === 'awaiting_review').length,
      reportsOverdue: reportRows.filter((p) => p.state === 'overdue').length,
      reportsDueSoon: reportRows.filter((p) => p.state === 'due_soon').length,
      upcoming: upcoming.length,
      participationRate: total.rate,
    },
    networks,
    teams: teamRows.filter((t) => t.behind),
    plans: planRows,
    reports: reportRows,
    upcoming: upcoming.map((m) => ({ ...m, startsAt: new Date(m.startsAt).toISOString() })),
    participation: {
      total,
      bySubject: part.bySubject.map((r) => rateRow(r, '')),
      byOrg: part.byOrg.map((r) => rateRow(r, 'Chưa rõ đơn vị')),
    },
  };
}
