import type { AppContext } from '../../lib/context';
import { viDate } from '../../lib/format';
import * as orgsRepo from '../orgs/repo';
import { addDays, vnDay } from '../programme/dates';
import { effectiveRulesMany } from '../rules/effective';
import type { Due } from './deadlines';
import * as repo from './eventDeadlinesRepo';

/** Seed 002 §III.2: plan and preparation report "trước một tuần", when the Sở's rules do not say otherwise. */
export const DEFAULT_PREPARATION_DAYS = 7;

/**
 * The day a team's dossier is due for a panel event: the event's own submission deadline (after which entries are
 * refused), or earlier when the organiser's rules ask for dossiers N days before the event (seed 004: 2).
 */
export function dossierDue(event: { eventDate: string; submissionDeadline: Date }, dossierDaysBefore: number | null): string {
  const own = vnDay(event.submissionDeadline);
  if (dossierDaysBefore === null) return own;
  const byRules = addDays(event.eventDate, -dossierDaysBefore);
  return byRules < own ? byRules : own;
}

/** The day the plan and preparation report of a province-level meeting are due: N days before the meeting's day. */
export function preparationDue(startsAt: Date, preparationDaysBefore: number | null): string {
  return addDays(vnDay(startsAt), -(preparationDaysBefore ?? DEFAULT_PREPARATION_DAYS));
}

/**
 * Dossiers of panel events not yet held nor decided: every team under the organiser that has not entered is expected;
 * its head and deputies are reminded, one notice per person and event naming their teams.
 */
async function dossiers(ctx: AppContext, today: string): Promise<Due[]> {
  const db = ctx.database.db;
  const out: Due[] = [];
  for (const e of await repo.openPanelEvents(db, today)) {
    const yearId = await repo.yearOn(db, e.eventDate);
    const rules = yearId ? (await effectiveRulesMany(db, [e.organiserOrgId], yearId)).get(e.organiserOrgId) : undefined;
    const due = dossierDue(e, rules?.dossierDaysBefore ?? null);
    const entered = await repo.enteredTeams(db, e.id);
    const teams = (await repo.teamsAmong(db, await orgsRepo.subtreeIds(db, [e.organiserOrgId], today))).filter((t) => !entered.has(t.id));
    const leaders = await repo.holdersOf(
      db,
      teams.map((t) => t.id),
      ['team_head', 'team_deputy'],
      today,
    );
    const teamsOf = new Map<string, string[]>();
    for (const t of teams) for (const p of leaders.get(t.id) ?? []) teamsOf.set(p, [...(teamsOf.get(p) ?? []), t.name]);
    for (const [personId, names] of teamsOf) {
      const who = names.sort().join(', ');
      out.push({
        what: 'dossier',
        id: e.id,
        personIds: [personId],
        due,
        title: `nộp hồ sơ dự thi «${e.title}»: ${who}`,
        body: `Hạn nộp hồ sơ (kế hoạch, sổ ghi chép sinh hoạt chuyên môn, video báo cáo) là ngày ${viDate(due)}; ${who} chưa nộp hồ sơ.`,
        link: `/panels/${e.id}`,
      });
    }
  }
  return out;
}

/**
 * Plans and preparation reports of province-level meetings still to come whose unit has not sent them: the unit's
 * principal (or office leaders) and the managers of the meeting's host (a team's school) are reminded.
 */
async function preparations(ctx: AppContext, today: string): Promise<Due[]> {
  const db = ctx.database.db;
  const rows = await repo.assignmentsAwaitingPreparation(db, new Date(`${today}T00:00:00+07:00`));
  if (rows.length === 0) return [];
  const hosts = [...new Set(rows.map((r) => r.hostOrgId))];
  const [types, chains] = await Promise.all([repo.typesOf(db, hosts), orgsRepo.ancestorChains(db, hosts, today)]);
  const managingOrg = (hostId: string) => (types.get(hostId) === 'team' ? (chains.get(hostId)?.[1] ?? hostId) : hostId);
  const [heads, managers] = await Promise.all([
    repo.holdersOf(db, [...new Set(rows.map((r) => r.unitOrgId))], ['principal', 'office_leader'], today),
    repo.holdersOf(db, [...new Set(hosts.map(managingOrg))], ['principal', 'vice_principal', 'office_leader'], today),
  ]);
  const rulesByYear = new Map<string, Awaited<ReturnType<typeof effectiveRulesMany>>>();
  for (const yearId of new Set(rows.map((r) => r.schoolYearId)))
    rulesByYear.set(
      yearId,
      await effectiveRulesMany(db, [...new Set(rows.filter((r) => r.schoolYearId === yearId).map((r) => r.provinceOrgId))], yearId),
    );
  return rows.flatMap((r) => {
    const personIds = [...new Set([...(heads.get(r.unitOrgId) ?? []), ...(managers.get(managingOrg(r.hostOrgId)) ?? [])])];
    if (personIds.length === 0) return [];
    const days = rulesByYear.get(r.schoolYearId)?.get(r.provinceOrgId)?.preparationDaysBefore ?? null;
    const due = preparationDue(r.startsAt, days);
    return [
      {
        what: 'preparation' as const,
        id: r.meetingId,
        personIds,
        due,
        title: `gửi kế hoạch và báo cáo chuẩn bị SHCM cấp tỉnh: ${r.meetingTitle}`,
        body: `Buổi sinh hoạt chuyên môn cấp tỉnh ngày ${viDate(vnDay(r.startsAt))} (${r.unitName}): hạn gửi kế hoạch và báo cáo công tác chuẩn bị về Sở GD&ĐT là ngày ${viDate(due)}; đơn vị chưa gửi.`,
        link: `/meetings/${r.meetingId}`,
      },
    ];
  });
}

/** Deadlines that hang on events rather than on the year: panel dossiers and province-level meeting preparation. */
export async function eventDeadlines(ctx: AppContext, today: string): Promise<Due[]> {
  return [...(await dossiers(ctx, today)), ...(await preparations(ctx, today))];
}
