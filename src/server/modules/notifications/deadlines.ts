import type { AppContext } from '../../lib/context';
import { todayIso } from '../../lib/dates';
import { inTransaction } from '../../lib/tx';
import { participantsOf } from '../minutes/service';
import { effectiveRulesMany } from '../rules/effective';
import * as drepo from './deadlinesRepo';
import { eventDeadlines } from './eventDeadlines';
import { notifyPeople } from './notify';

export type Stage = '7d' | '1d' | 'overdue';

/** Which reminder a deadline calls for on `today`: 7 days ahead, 1 day ahead, overdue, or none yet. */
export function stageOf(due: string, today: string): Stage | null {
  const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) return 'overdue';
  if (days <= 1) return '1d';
  if (days <= 7) return '7d';
  return null;
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const HEAD: Record<Stage, string> = { '7d': 'Sắp đến hạn', '1d': 'Sắp hết hạn', overdue: 'Quá hạn' };

/** One deadline's reminder to some people; `what` and `id` make its dedupe key. */
export interface Due {
  what: 'plan' | 'report_term1' | 'report_year' | 'dossier' | 'preparation';
  id: string;
  personIds: string[];
  due: string;
  title: string;
  body: string;
  link: string;
}

const REPORT_LABEL = { report_term1: 'học kỳ I', report_year: 'năm học' } as const;

/** Org reports of a running year started but not submitted: their drafter is reminded (rules of the reviewer org). */
async function orgReports(ctx: AppContext, year: { id: string; code: string }): Promise<Due[]> {
  const db = ctx.database.db;
  const out: Due[] = [];
  for (const [what, term] of [
    ['report_term1', 1],
    ['report_year', null],
  ] as const) {
    const rows = (await drepo.unsubmittedOrgReports(db, year.id, term)).filter((r) => r.createdBy);
    const rules = await effectiveRulesMany(db, [...new Set(rows.map((r) => r.reviewerOrgId))], year.id);
    for (const r of rows) {
      const due = what === 'report_term1' ? rules.get(r.reviewerOrgId)?.term1ReportDue : rules.get(r.reviewerOrgId)?.yearReportDue;
      if (!due) continue;
      out.push({
        what,
        id: r.id,
        personIds: [r.createdBy as string],
        due,
        title: `nộp báo cáo ${REPORT_LABEL[what]} ${year.code}: ${r.orgName}`,
        body: `Hạn nộp báo cáo kết quả sinh hoạt chuyên môn ${REPORT_LABEL[what]} là ngày ${vnDate(due)}; báo cáo của ${r.orgName} chưa được gửi.`,
        link: `/reports/${r.id}`,
      });
    }
  }
  return out;
}

/** Plan and report deadlines of the running school years, from each network's (or org's) effective rules. */
async function collect(ctx: AppContext, today: string): Promise<Due[]> {
  const db = ctx.database.db;
  const out: Due[] = [];
  for (const year of await drepo.yearsOn(db, today)) {
    out.push(...(await orgReports(ctx, year)));
    const nets = await drepo.networksOf(db, year.id);
    if (nets.length === 0) continue;
    const ids = nets.map((n) => n.id);
    const rules = await effectiveRulesMany(db, [...new Set(nets.map((n) => n.supervisingOrgId))], year.id);
    const leaders = await drepo.leadersOf(db, ids);
    const planned = await drepo.withApprovedPlan(db, ids, year.id);
    const reported = {
      report_term1: await drepo.withSubmittedReport(db, ids, year.id, 1),
      report_year: await drepo.withSubmittedReport(db, ids, year.id, null),
    };
    for (const n of nets) {
      const r = rules.get(n.supervisingOrgId);
      const personIds = leaders.get(n.id) ?? [];
      if (!r || personIds.length === 0) continue;
      if (r.planDueDate && !planned.has(n.id))
        out.push({
          what: 'plan',
          id: n.id,
          personIds,
          due: r.planDueDate,
          title: `nộp kế hoạch SHCM năm học ${year.code}: ${n.name}`,
          body: `Hạn nộp kế hoạch sinh hoạt chuyên môn là ngày ${vnDate(r.planDueDate)}; ${n.name} chưa có kế hoạch được duyệt.`,
          link: `/plans?networkId=${n.id}`,
        });
      const reportsDue = [
        ['report_term1', r.term1ReportDue],
        ['report_year', r.yearReportDue],
      ] as const;
      for (const [what, due] of reportsDue) {
        const label = REPORT_LABEL[what];
        if (!due || reported[what].has(n.id)) continue;
        out.push({
          what,
          id: n.id,
          personIds,
          due,
          title: `nộp báo cáo ${label} ${year.code}: ${n.name}`,
          body: `Hạn nộp báo cáo kết quả sinh hoạt chuyên môn ${label} là ngày ${vnDate(due)}; ${n.name} chưa gửi báo cáo.`,
          link: `/reports?networkId=${n.id}`,
        });
      }
    }
  }
  return out;
}

/**
 * Queues reminders 7 days and 1 day before plan and report deadlines, and an overdue notice after, to the network's
 * leaders; the same for panel dossiers and province-level meeting preparation (eventDeadlines.ts); and reminds people
 * who have not signed minutes out for signing for more than MINUTES_REMINDER_DAYS.
 * Dedupe keys (deadline:<kind>:<id>:<person>:<stage>) make each reminder go out once per person and stage.
 * Returns how many notices were stored.
 */
export async function queueDeadlineReminders(ctx: AppContext, now: Date): Promise<number> {
  const today = todayIso(now);
  let stored = 0;
  for (const d of [...(await collect(ctx, today)), ...(await eventDeadlines(ctx, today))]) {
    const stage = stageOf(d.due, today);
    if (!stage) continue;
    stored += await inTransaction(ctx, (tx) =>
      notifyPeople(tx, {
        personIds: d.personIds,
        kind: `deadline_${d.what}_${stage}`,
        title: `${HEAD[stage]} ${d.title}`,
        body: d.body,
        link: d.link,
        dedupeKey: `deadline:${d.what}:${d.id}:{person}:${stage}`,
        at: now,
      }),
    );
  }
  return stored + (await remindSigners(ctx, now));
}

/** Reminds those who still have to sign minutes out for signing for more than N days (the chair once all others have). */
async function remindSigners(ctx: AppContext, now: Date): Promise<number> {
  const db = ctx.database.db;
  const since = new Date(now.getTime() - ctx.config.minutesReminderDays * 86_400_000);
  const open = await drepo.minutesSigningSince(db, since);
  const signed = await drepo.signersOf(
    db,
    open.map((o) => o.minutesId),
  );
  let stored = 0;
  for (const { minutesId, meeting } of open) {
    const done = signed.get(minutesId) ?? new Set<string>();
    const waiting = [...(await participantsOf(db, meeting)).keys()].filter((id) => !done.has(id));
    const others = waiting.filter((id) => id !== meeting.chairPersonId);
    const personIds = others.length > 0 ? others : waiting;
    if (personIds.length === 0) continue;
    stored += await inTransaction(ctx, (tx) =>
      notifyPeople(tx, {
        personIds,
        kind: 'minutes_signature_overdue',
        title: `Biên bản chờ bạn ký đã quá ${ctx.config.minutesReminderDays} ngày: ${meeting.title}`,
        body: 'Biên bản buổi sinh hoạt chuyên môn đã được đưa ra ký. Vui lòng xem và ký xác nhận.',
        link: `/meetings/${meeting.id}/minutes`,
        dedupeKey: `deadline:minutes:${minutesId}:{person}:overdue`,
        at: now,
      }),
    );
  }
  return stored;
}
