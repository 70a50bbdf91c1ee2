import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanDetail } from '../../src/shared/types';
import { type E2E, startE2E } from './harness';
import { type Term, TermWalk } from './termSteps';

/**
 * Issue 15's measure, through the browser, on the Củ Chi demo (its orgs, people, networks and rules; no plans or
 * meetings of the year): Nhóm liên trường số 8 walks a whole term (HK II 2026-2027). The leader takes the plan proposed
 * from the rules, the Sở returns it once (asking for two sessions open to the bridge points) and approves it; the ten
 * sessions are scheduled in one action, the two hybrid ones get their bridge points; on each session's day its
 * attendance is taken by exception (two absences with a reason each) and its minutes written (the two free-text
 * fields) and sent for signing; every participant signs from Việc cần làm (one log-in, one tap per minutes), the chair
 * last, which locks them; the term report is written and accepted. Every value typed or chosen is counted (tests/e2e/
 * typing.ts): at most 70 for the whole term. Time moves: the test process fakes only Date (the app runs in-process,
 * so the server's now moves with it, always ahead of real time) and each browser context's clock is set to it.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ plainDemo: true });
}, 300_000);
afterAll(async () => {
  vi.useRealTimers();
  await e?.close();
});

describe('a whole term of Nhóm liên trường số 8', () => {
  it('is planned, held, minuted, signed, locked and reported with at most 70 values typed or chosen', async () => {
    const walk = new TermWalk(e);
    const term: Term = await walk.findTerm('2026-2027', 2);
    // A week before the term: the clock moves only forward, and stays ahead of real time.
    expect(Date.parse(`${term.startDate}T00:00:00+07:00`)).toBeGreaterThan(Date.now());
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    walk.at(`${addDays(term.startDate, -7)}T08:00:00+07:00`);

    const plan = await walk.planProposedReturnedApproved(term);
    expect(plan).toMatchObject({ status: 'approved', itemCount: 10, termNumber: 2 });
    const meetings = await walk.scheduleAll();
    expect(meetings).toHaveLength(10);
    expect(meetings.filter((m) => m.mode === 'hybrid')).toHaveLength(2);
    for (const m of meetings) expect(m.status).toBe('scheduled');
    for (const m of meetings.filter((x) => x.mode === 'hybrid')) expect(m.bridges).toBeGreaterThanOrEqual(1);

    for (const [i, m] of meetings.entries()) {
      walk.at(new Date(Date.parse(m.startsAt) + 90 * 60_000).toISOString());
      await walk.holdSession(m.id, i + 1, i === 0);
    }
    walk.at(new Date(Date.parse(meetings[9].startsAt) + 26 * 3_600_000).toISOString());
    const signers = await walk.signEverything(meetings.map((m) => m.id));
    expect(signers).toBeGreaterThan(10);

    const after = await walk.leaderJson<PlanDetail>(`/api/plans/${plan.id}`);
    expect(after.items.every((i) => i.status === 'held')).toBe(true);
    for (const m of meetings) {
      const minutes = await walk.leaderJson<{ status: string }>(`/api/meetings/${m.id}/minutes`);
      expect(minutes.status).toBe('locked');
      const sheet = await walk.leaderJson<{ rows: Array<{ status: string | null; reason: string | null }> }>(
        `/api/meetings/${m.id}/attendance`,
      );
      const away = sheet.rows.filter((r) => r.status === 'absent' || r.status === 'excused');
      expect(away).toHaveLength(2);
      expect(away.every((r) => (r.reason ?? '').length > 0)).toBe(true);
      expect(sheet.rows.every((r) => r.status !== null)).toBe(true);
    }

    walk.at(`${addDays(term.endDate, -3)}T09:00:00+07:00`);
    const report = await walk.reportWrittenAndAccepted();
    expect(report).toMatchObject({ status: 'accepted', termNumber: 2 });

    const t = walk.typing;
    console.log(`Một học kỳ của Nhóm liên trường số 8\n${t.report()}\nNgười ký: ${signers}`);
    expect(t.total()).toBeGreaterThan(0);
    expect(t.total()).toBeLessThanOrEqual(70);
    expect(t.total(t.taps)).toBe(walk.signatures);
  }, 1_800_000);
});

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
