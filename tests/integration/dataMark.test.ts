import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { auditLog, meetings, reports, subjects } from '../../src/server/db/schema';
import { readDataMark } from '../../src/server/lib/markedCache';
import type { ComplianceView } from '../../src/shared/dashboard';
import type { ReportDetail } from '../../src/shared/reports';
import { buildComplianceWorld, type ComplianceWorld } from '../helpers/complianceWorld';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

/**
 * The data marks (migrations 0016 and 0023, decisions 0019 and 0030): every table a report or dashboard reads moves
 * a mark in each writing transaction — the rows about meetings the marks of their reach, the others '*' — and an
 * answer kept at a mark is served only while the mark is the same.
 */

/** Tables no report or dashboard reads: they carry no trigger, so their writes keep kept answers. */
const UNCOUNTED = [
  'accounts',
  'audit_log',
  'auth_sessions',
  'calendar_tokens',
  'data_marks',
  'import_jobs',
  'login_attempts',
  'mail_outbox',
  // derived from invitations, attendance, meeting subjects, memberships and team links, whose triggers move the marks
  'meeting_participation',
  // a network's saved online meeting links (migration 0021): reused by meeting venues, read by no report or dashboard
  'network_meeting_links',
  'notification_preferences',
  'notifications',
  // the Sở's signature settings and the sealed PDFs (migration 0026): read by the seal and lock routes, by no kept answer
  'signature_settings',
  'signed_documents',
];

let t: TestApp;
let w: ComplianceWorld;
let specialist: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildComplianceWorld(t.db);
  specialist = await t.client().login(w.users.specialist.email, w.users.specialist.password);
});
afterAll(() => t.close());

/** Tables about meetings: their inserts, updates and deletes move the marks of the meetings' reach (migration 0023). */
const SCOPED = [
  'agenda_items',
  'attachments',
  'attendance',
  'invitation_rules',
  'invitations',
  'lesson_plan_versions',
  'lesson_studies',
  'meeting_presenters',
  'meeting_subjects',
  'meetings',
  'minutes',
  'minutes_addenda',
  'minutes_signatures',
  'minutes_versions',
  'observation_notes',
  'preparation_reports',
  'venues',
];

/** Marks a meeting held on 5/12/2025 with the triggers off: the data change, the mark does not. */
async function heldOnFifthWithoutMark(meetingId: string) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx
      .update(meetings)
      .set({ status: 'held', startsAt: new Date('2025-12-05T07:30:00+07:00'), endsAt: new Date('2025-12-05T10:30:00+07:00') })
      .where(eq(meetings.id, meetingId));
  });
}

/** A counted write that changes nothing (the title set to itself): it moves the mark all the same. */
async function touch(meetingId: string) {
  await t.db
    .update(meetings)
    .set({ title: sql`${meetings.title}` })
    .where(eq(meetings.id, meetingId));
}

describe('the data mark', () => {
  it('every table has a trigger, but the ones no report reads; the tables about meetings move their marks', async () => {
    const rows = await queryRows<{ name: string; counted: boolean; scoped: boolean }>(
      t.db,
      sql`select c.relname as name,
          exists (select 1 from pg_trigger tg where tg.tgrelid = c.oid and tg.tgname = c.relname || '_data_mark') as counted,
          (select count(*) from pg_trigger tg join pg_proc p on p.oid = tg.tgfoid where tg.tgrelid = c.oid
            and p.proname in ('lt_meetings_marks', 'lt_meeting_rows_marks', 'lt_participation_rows_changed')) = 3 as scoped
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows)
      expect({ table: r.name, counted: r.counted, scoped: r.scoped }).toEqual({
        table: r.name,
        counted: !UNCOUNTED.includes(r.name),
        scoped: SCOPED.includes(r.name),
      });
  });

  it('moves with a committed write, not with a rolled-back one nor with a write to an uncounted table', async () => {
    const before = (await readDataMark(t.db)).value;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(subjects).values({ code: 'TMP-MARK', name: 'Môn tạm' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await readDataMark(t.db)).value).toBe(before);
    await t.db.insert(auditLog).values({ action: 'test', entityType: 'test', entityId: 'x' });
    expect((await readDataMark(t.db)).value).toBe(before);
    await t.db.insert(subjects).values({ code: 'TMP-MARK', name: 'Môn tạm' });
    const after = (await readDataMark(t.db)).value;
    expect(BigInt(after)).toBeGreaterThan(BigInt(before));
    await t.db.delete(subjects).where(eq(subjects.code, 'TMP-MARK'));
    expect(BigInt((await readDataMark(t.db)).value)).toBeGreaterThan(BigInt(after));
  });
});

describe('the dashboard is answered again until the mark moves', () => {
  const url = '/api/dashboard/compliance?date=2025-12-10';
  const cluster = async () => {
    const res = await specialist.get(url);
    expect(res.statusCode).toBe(200);
    return (res.json() as ComplianceView).networks.find((n) => n.id === w.cluster.id);
  };

  it('a write that leaves the mark alone is not seen; the next counted write brings it in', async () => {
    expect(await cluster()).toMatchObject({ held: 0, behind: true });
    // the cluster's scheduled meeting is held on 5/12, written with the triggers off: the data changed, the mark did not
    await heldOnFifthWithoutMark(w.meetings.clusterNext.id);
    expect(await cluster()).toMatchObject({ held: 0, behind: true });
    // any counted write moves the mark: the dashboard is computed afresh and sees the held meeting
    await touch(w.meetings.clusterNext.id);
    expect(await cluster()).toMatchObject({ held: 1, behind: false });
  });

  it("a write through the API moves its network's mark and its host's, not '*'", async () => {
    const n2 = { marks: [w.networks.network2.id] };
    const host = { marks: [w.orgs.school2b.id] };
    const [before, hostBefore, anyBefore] = await Promise.all([readDataMark(t.db, n2), readDataMark(t.db, host), readDataMark(t.db)]);
    const res = await specialist.post(`/api/meetings/${w.meetings.n2next.id}/cancel`, { reason: 'Trùng lịch kiểm tra' });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(BigInt((await readDataMark(t.db, n2)).value)).toBeGreaterThan(BigInt(before.value));
    expect(BigInt((await readDataMark(t.db, host)).value)).toBeGreaterThan(BigInt(hostBefore.value));
    expect((await readDataMark(t.db)).value).toBe(anyBefore.value);
    const seen = ((await specialist.get(url)).json() as ComplianceView).networks.find((n) => n.name === 'Nhóm xã 2');
    expect(seen?.scheduled).toBe(0);
  });
});

describe('a draft term report is answered again until the mark moves', () => {
  it('keeps its live results at the same mark, counts a meeting held since once the mark moved, and checks each reader', async () => {
    const [report] = await t.db
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.networkId, w.plan2.networkId as string));
    const read = async () => {
      const res = await specialist.get(`/api/reports/${report.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ReportDetail;
    };
    const before = await read();
    expect(before.status).toBe('draft');
    expect(before.live).toBe(true);
    // network 2's cancelled meeting was held after all on 5/12, written with the triggers off
    await heldOnFifthWithoutMark(w.meetings.n2next.id);
    expect((await read()).results.meetingsHeld).toBe(before.results.meetingsHeld);
    await touch(w.meetings.n2next.id);
    const after = await read();
    expect(after.results.meetingsHeld).toBe(before.results.meetingsHeld + 1);
    // what is kept is the same for every reader; whether one may read it, and what one may do, is not
    const teacher = await t.client().login(w.users.teacher.email, w.users.teacher.password);
    expect((await teacher.get(`/api/reports/${report.id}`)).statusCode).toBe(403);
    const admin = await t.client().login(w.users.admin.email, w.users.admin.password);
    const theirs = await admin.get(`/api/reports/${report.id}`);
    expect(theirs.statusCode).toBe(200);
    expect((theirs.json() as ReportDetail).results).toEqual(after.results);
  });
});
