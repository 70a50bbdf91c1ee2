import type { TodoDueItem, TodoMeetingTask, TodoReviewItem, TodoSignItem, TodoView } from '../../../shared/homeViews';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import * as deadlinesRepo from '../notifications/deadlinesRepo';
import * as orgsRepo from '../orgs/repo';
import { reviewersOf } from '../plans/reviewers';
import { scopesOf } from '../plans/shape';
import { effectiveRulesMany } from '../rules/effective';
import { authorize, owesIt, reviewRoots, reviewsIt, runsIt, signsIt } from './policy';
import * as repo from './repo';
import { adminItems, inspectionItems } from './todoMore';

/** A plan or report due shows this many days before its deadline (and stays once overdue). */
export const DUE_WITHIN_DAYS = 30;
/** Meetings of the coming week, and of the past two weeks while their attendance or minutes are not done. */
const AHEAD_MS = 7 * 86_400_000;
const BEHIND_MS = 14 * 86_400_000;

type Owner = { networkId: string | null; orgId: string | null; reviewerOrgId: string };
const DONE = new Set(['submitted', 'resubmitted', 'accepted', 'approved']);

function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function signItems(actor: Actor, rows: Awaited<ReturnType<typeof repo.minutesAwaiting>>): TodoSignItem[] {
  return rows
    .filter((r) => signsIt(actor, r.signers ?? []))
    .map((r) => {
      const role = (r.signers.find((s) => s.personId === actor.personId)?.role ?? 'participant') as TodoSignItem['role'];
      const total = r.signers.length;
      return {
        meetingId: r.meetingId,
        title: r.title,
        startsAt: r.startsAt.toISOString(),
        role,
        signed: Number(r.signedCount),
        total,
        waitingFor: role === 'chair' ? Math.max(0, total - 1 - Number(r.signedCount)) : 0,
        link: `/meetings/${r.meetingId}/minutes`,
      };
    });
}

function meetingTasks(actor: Actor, rows: Awaited<ReturnType<typeof repo.meetingsRunBy>>, now: Date): TodoMeetingTask[] {
  const out: TodoMeetingTask[] = [];
  for (const m of rows) {
    if (!runsIt(actor, m) || m.minutesStatus === 'signing' || m.minutesStatus === 'locked') continue;
    const task = m.startsAt > now ? 'upcoming' : Number(m.attendanceCount) === 0 ? 'attendance' : 'minutes';
    const link = { upcoming: `/meetings/${m.id}`, attendance: `/meetings/${m.id}/attendance`, minutes: `/meetings/${m.id}/minutes` }[task];
    const role = m.chairPersonId === actor.personId ? 'chair' : 'secretary';
    out.push({ meetingId: m.id, title: m.title, startsAt: m.startsAt.toISOString(), role, task, link });
  }
  return out;
}

/**
 * The logged-in person's "Việc cần làm": minutes waiting for their signature, plans and reports waiting for their
 * review (where they are the reviewer told on submission, plans/reviewers.ts), plans and reports their networks (or
 * their own org reports) owe within DUE_WITHIN_DAYS of the rules' deadlines or overdue, and meetings they chair or
 * write the minutes of that need preparing, an attendance sheet or minutes. A fixed number of queries, whatever the
 * number of items.
 */
export async function todo(db: Executor, actor: Actor, now: Date = new Date()): Promise<TodoView> {
  authorize(actor, 'todo.read');
  const today = todayIso(now);
  const roots = reviewRoots(actor);
  const [planRows, reportRows, signRows, led, years, runRows] = await Promise.all([
    repo.submittedPlansUnder(db, roots, today),
    repo.submittedReportsUnder(db, roots, today),
    repo.minutesAwaiting(db, actor.personId),
    repo.networksLedOn(db, actor.personId, today),
    deadlinesRepo.yearsOn(db, today),
    repo.meetingsRunBy(db, actor.personId, new Date(now.getTime() - BEHIND_MS), new Date(now.getTime() + AHEAD_MS)),
  ]);
  const reviewers = await reviewersOf(
    db,
    [...planRows, ...reportRows].map((r) => r.reviewerOrgId),
  );
  const mine = <T extends { reviewerOrgId: string }>(rows: T[]) =>
    rows.filter((r) => reviewers.get(r.reviewerOrgId)?.includes(actor.personId));
  const plansIn = mine(planRows);
  const reportsIn = mine(reportRows);

  const yearIds = new Set(years.map((y) => y.id));
  const papers = await repo.papersOf(
    db,
    led.map((n) => n.id),
    actor.personId,
  );
  const orgReports = papers.reports.filter((r) => r.orgId && yearIds.has(r.schoolYearId) && r.termNumber !== 2);
  const dueOwners: Owner[] = [
    ...led.map((n) => ({ networkId: n.id, orgId: null, reviewerOrgId: n.supervisingOrgId })),
    ...orgReports.map((r) => ({ networkId: null, orgId: r.orgId, reviewerOrgId: r.reviewerOrgId })),
  ];
  const owners: Owner[] = [...plansIn, ...reportsIn, ...dueOwners];
  const [scopes, orgs] = await Promise.all([
    scopesOf(db, owners),
    orgsRepo.summaries(db, [...new Set(owners.map((o) => o.orgId).filter((x): x is string => !!x))]),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const nameOf = (i: number) => scopes[i].networkName ?? orgName.get(owners[i].orgId ?? '') ?? '';

  const plansToReview: TodoReviewItem[] = [];
  plansIn.forEach((p, i) => {
    if (reviewsIt(actor, scopes[i]))
      plansToReview.push({
        id: p.id,
        title: p.title,
        ownerName: nameOf(i),
        submittedAt: p.submittedAt?.toISOString() ?? null,
        link: `/plans/${p.id}`,
      });
  });
  const reportsToReview: TodoReviewItem[] = [];
  reportsIn.forEach((r, j) => {
    const i = plansIn.length + j;
    const title = r.termNumber ? `Báo cáo học kỳ ${r.termNumber === 1 ? 'I' : 'II'}` : 'Báo cáo năm học';
    if (reviewsIt(actor, scopes[i]))
      reportsToReview.push({
        id: r.id,
        title,
        ownerName: nameOf(i),
        submittedAt: r.submittedAt?.toISOString() ?? null,
        link: `/reports/${r.id}`,
      });
  });

  // Deadlines of the rules of each network's supervising org (or each org report's reviewer) in its school year.
  const rulesByYear = new Map<string, Awaited<ReturnType<typeof effectiveRulesMany>>>();
  const dueYears = new Map<string, Set<string>>();
  const yearOf = [...led.map((n) => n.schoolYearId), ...orgReports.map((r) => r.schoolYearId)];
  dueOwners.forEach((o, k) => {
    dueYears.set(yearOf[k], (dueYears.get(yearOf[k]) ?? new Set()).add(o.reviewerOrgId));
  });
  for (const [yearId, orgIds] of dueYears) rulesByYear.set(yearId, await effectiveRulesMany(db, [...orgIds], yearId));

  const reportsDue: TodoDueItem[] = [];
  const plansDue: TodoDueItem[] = [];
  const base = plansIn.length + reportsIn.length;
  const push = (list: TodoDueItem[], item: Omit<TodoDueItem, 'overdue'> | null) => {
    if (!item) return;
    const days = daysUntil(item.due, today);
    if (days <= DUE_WITHIN_DAYS) list.push({ ...item, overdue: days < 0 });
  };
  dueOwners.forEach((o, k) => {
    if (!owesIt(actor, scopes[base + k])) return;
    const rules = rulesByYear.get(yearOf[k])?.get(o.reviewerOrgId);
    if (!rules) return;
    const ownerName = nameOf(base + k);
    const ofOwner = <T extends { networkId: string | null; schoolYearId: string }>(rows: T[]) =>
      rows.filter((r) => (o.networkId ? r.networkId === o.networkId : false) && r.schoolYearId === yearOf[k]);
    const pending = <T extends { status: string; id: string }>(rows: T[]) => {
      if (rows.some((r) => DONE.has(r.status))) return null;
      const open = rows.find((r) => r.status === 'returned') ?? rows.find((r) => r.status === 'draft');
      return { status: (open?.status ?? 'none') as TodoDueItem['status'], id: open?.id ?? null };
    };
    const listLink = (what: 'plans' | 'reports') => `/${what}?networkId=${o.networkId}`;
    if (o.networkId) {
      const plan = pending(ofOwner(papers.plans));
      if (plan && rules.planDueDate)
        push(plansDue, {
          key: `plan:${o.networkId}`,
          ownerName,
          period: 'year',
          due: rules.planDueDate,
          status: plan.status,
          link: plan.id ? `/plans/${plan.id}` : listLink('plans'),
        });
    }
    const reports = o.networkId
      ? ofOwner(papers.reports)
      : orgReports.filter((r) => r.orgId === o.orgId && r.reviewerOrgId === o.reviewerOrgId);
    for (const [period, due, term] of [
      ['term1', rules.term1ReportDue, 1],
      ['year', rules.yearReportDue, null],
    ] as const) {
      const own = reports.filter((r) => (r.termNumber ?? null) === term);
      if (!due || (!o.networkId && own.length === 0)) continue;
      const report = pending(own);
      if (report)
        push(reportsDue, {
          key: `report:${o.networkId ?? o.orgId}:${period}`,
          ownerName,
          period,
          due,
          status: report.status,
          link: report.id ? `/reports/${report.id}` : listLink('reports'),
        });
    }
  });
  const byDue = (a: TodoDueItem, b: TodoDueItem) => a.due.localeCompare(b.due);
  reportsDue.sort(byDue);
  plansDue.sort(byDue);

  const minutesToSign = signItems(actor, signRows);
  const tasks = meetingTasks(actor, runRows, now);
  const [inspections, adminTasks] = await Promise.all([
    inspectionItems(
      db,
      actor,
      today,
      years.map((y) => y.id),
    ),
    adminItems(db, actor),
  ]);
  const counts = {
    minutesToSign: minutesToSign.length,
    plansToReview: plansToReview.length,
    reportsToReview: reportsToReview.length,
    reportsDue: reportsDue.length,
    plansDue: plansDue.length,
    meetingTasks: tasks.length,
    inspections: inspections.length,
    adminTasks: adminTasks.reduce((n, a) => n + a.count, 0),
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    counts: { ...counts, total },
    minutesToSign,
    plansToReview,
    reportsToReview,
    reportsDue,
    plansDue,
    meetingTasks: tasks,
    inspections,
    adminTasks,
  };
}
