import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspection } from '../../../../tests/factories/programme';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import { buildWorld, type World } from '../../../../tests/helpers/world';
import type { TodoView } from '../../../shared/homeViews';
import { mailOutbox } from '../../db/schema';

let t: TestApp;
let w: World;
const isoDay = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
let as: ReturnType<typeof clientPool>;
const todo = async (who: keyof World['users']): Promise<TodoView> => {
  const res = await (await as(w.users[who])).get('/api/home/todo');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp({ schedulerIntervalSeconds: 0 });
  w = await buildWorld(t.db);
  as = clientPool(t);
  const base = { provinceOrgId: w.orgs.province.id, schoolYearId: w.year.id };
  await buildInspection(t.db, { ...base, unitOrgId: w.orgs.school1.id, visitDate: isoDay(-3) });
  await buildInspection(t.db, { ...base, unitOrgId: w.orgs.school2.id, visitDate: isoDay(5) });
  await buildInspection(t.db, { ...base, unitOrgId: w.orgs.school2b.id, visitDate: isoDay(40) });
  // Two years ago and never recorded: history, not today's work.
  await buildInspection(t.db, { ...base, unitOrgId: w.orgs.school2b.id, visitDate: isoDay(-800) });
  await buildInspection(t.db, { ...base, unitOrgId: w.orgs.school1b.id, visitDate: isoDay(-10), ratings: Array(9).fill('met') });
  await t.db.insert(mailOutbox).values([
    { dedupeKey: 'todo-more:1', toAddress: 'thu.vien@sai-dia-chi.vn', subject: 'Thư mời', text: '…', status: 'failed', attempts: 8 },
    { dedupeKey: 'todo-more:2', toAddress: 'gv@tn.vn', subject: 'Thư mời', text: '…', status: 'sent', attempts: 1 },
  ]);
}, 120_000);
afterAll(() => t.close());

describe('Việc cần làm: inspections and the administrator', () => {
  it("gives the Sở's specialist the recent visit past its day without a record (overdue) and the one of this fortnight", async () => {
    const v = await todo('specialist');
    expect(v.inspections.map((i) => [i.targetName, i.side, i.overdue])).toEqual([
      ['Trường THCS Tân Thạnh Đông', 'inspector', true],
      ['Trường THCS An Nhơn Tây', 'inspector', false],
    ]);
    expect(v.counts.inspections).toBe(2);
  });

  it("gives the inspected school's principal only the coming visit (documents to send), not another school's", async () => {
    const own = await todo('otherPrincipal');
    expect(own.inspections.map((i) => [i.targetName, i.side, i.overdue, i.link.startsWith('/inspections/')])).toEqual([
      ['Trường THCS An Nhơn Tây', 'unit', false, true],
    ]);
    // School 1's visit has passed: writing its record is the Sở's work, not the school's.
    expect((await todo('principal')).inspections).toEqual([]);
    expect((await todo('teacher')).inspections).toEqual([]);
  });

  it('gives the administrator the e-mails that failed, and nobody else', async () => {
    const admin = await todo('admin');
    expect(admin.adminTasks).toEqual([{ kind: 'failedMail', count: 1, link: '/admin/outbox' }]);
    expect(admin.counts.total).toBeGreaterThanOrEqual(1);
    expect((await todo('specialist')).adminTasks).toEqual([]);
  });
});
