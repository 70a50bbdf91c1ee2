import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp';
import type { ComplianceView } from '../../shared/dashboard';
import type { TodoView } from '../../shared/homeViews';
import { seedDemo } from './demo';

/**
 * The demo lives around the day it is made: seeded on a faked "today" in October and in March, each of the eight
 * demo accounts has something to do in the current school year in its home page's "Việc cần làm" (minutes awaiting
 * their signature, plans and reports to review, reports due, meetings they run, inspections, failed e-mails for the
 * administrator), and the Sở's dashboard shows networks both on and behind their quota.
 */

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  vi.useRealTimers();
});

describe.each([
  ['2026-10-14', '2026-2027', 1],
  ['2028-03-15', '2027-2028', 2],
])('the demo made on %s', (today, yearCode, term) => {
  it(`gives each of the eight accounts something to do in ${yearCode}, and a dashboard with groups on and behind quota`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${today}T02:00:00Z`));
    t = await createTestApp();
    const app = t;
    const seeded = await app.db.transaction((tx) => seedDemo(tx, { today }));

    // What each account's home page lists under "Việc cần làm" (GET /api/home/todo, the list the page shows).
    const todos = new Map<string, TodoView>();
    for (const a of seeded.accounts) {
      const res = await (await app.client().login(a.email, seeded.password)).get('/api/home/todo');
      expect(res.statusCode, res.body).toBe(200);
      todos.set(a.email, res.json());
    }
    for (const [email, todo] of todos) expect({ email, something: todo.counts.total > 0 }).toEqual({ email, something: true });
    const of = (email: string) => (todos.get(email) as TodoView).counts;
    expect(of('admin@lientruong.vn').adminTasks).toBeGreaterThan(0);
    expect(of('chuyenvien.so@lientruong.vn').plansToReview).toBeGreaterThan(0);
    expect(of('chuyenvien.so@lientruong.vn').reportsToReview).toBeGreaterThan(0);
    expect(of('canbo.xa@lientruong.vn').reportsToReview).toBeGreaterThan(0);
    expect(of('hieutruong@lientruong.vn').minutesToSign).toBeGreaterThan(0);
    for (const e of ['totruong@lientruong.vn', 'giaovien@lientruong.vn']) expect(of(e).minutesToSign).toBeGreaterThan(0);
    expect(of('chuyenvien.bacgiang@lientruong.vn').inspections).toBeGreaterThan(0);
    expect(of('hieutruong.lucnam@lientruong.vn').meetingTasks + of('hieutruong.lucnam@lientruong.vn').inspections).toBeGreaterThan(0);

    const client = await app.client().login('chuyenvien.so@lientruong.vn', seeded.password);
    const res = await client.get('/api/dashboard/compliance');
    expect(res.statusCode).toBe(200);
    const view: ComplianceView = res.json();
    expect(view.schoolYear.code).toBe(yearCode);
    expect(view.term.number).toBe(term);
    const groups = view.networks.filter((n) => n.kind === 'school_group');
    expect(groups.some((n) => n.behind)).toBe(true);
    expect(groups.some((n) => !n.behind && n.held > 0)).toBe(true);
  });
});
