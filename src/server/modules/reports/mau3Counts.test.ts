import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAttendance, buildMeeting, buildPerson } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type World } from '../../../../tests/helpers/world';
import type { ReportDetail, Rollup } from '../../../shared/reports';
import { subjects } from '../../db/schema';
import { NON_PARTICIPANTS_NOTE } from './mau3';

/**
 * Issue 16 point 3: Mẫu 3's "teachers who did not take part" reads the same way in the total and in each subject
 * (decision 0010, 2026-12-07): per subject, the teachers absent from every meeting of that subject; the total, each
 * teacher on those lists once. Two primary teachers of Toán and Tiếng Việt: An went to the Toán meeting and missed the
 * Tiếng Việt one, Bình missed both; Chi went to both. The old total counted only Bình (1 beside Toán 1, Tiếng Việt 2).
 */
let t: TestApp;
let w: World;
let admin: TestClient;
let specialist: TestClient;
let report: ReportDetail;

/** The text of a DOCX's body (its runs joined; each paragraph on its own line). */
async function docxText(buf: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

beforeAll(async () => {
  t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'lt-mau3-counts-')) });
  w = await buildWorld(t.db);
  const ids = new Map(
    (
      await t.db
        .select()
        .from(subjects)
        .where(inArray(subjects.code, ['toan', 'tieng-viet']))
    ).map((s) => [s.code, s.id]),
  );
  const toan = ids.get('toan') as string;
  const tiengViet = ids.get('tieng-viet') as string;
  const teacher = (fullName: string) =>
    buildPerson(t.db, { fullName, positions: [{ orgId: w.orgs.team1.id, position: 'teacher' }], subjectIds: [toan, tiengViet] });
  const an = await teacher('Lê Thị An');
  const binh = await teacher('Trần Văn Bình');
  const chi = await teacher('Phạm Thị Chi');
  const meeting = (title: string, subjectId: string, startsAt: string) =>
    buildMeeting(t.db, {
      hostOrgId: w.orgs.school1.id,
      schoolYearId: w.year.id,
      networkId: w.networks.network1.id,
      title,
      status: 'held',
      startsAt: new Date(startsAt),
      subjectIds: [subjectId],
    });
  const mToan = await meeting('Thao giảng Toán 4', toan, '2025-10-15T07:30:00+07:00');
  const mTv = await meeting('Chuyên đề Tiếng Việt 4', tiengViet, '2025-10-22T07:30:00+07:00');
  await buildAttendance(t.db, { meetingId: mToan.id, personId: an.id, status: 'present' });
  await buildAttendance(t.db, { meetingId: mTv.id, personId: an.id, status: 'excused', reason: 'Ốm' });
  await buildAttendance(t.db, { meetingId: mToan.id, personId: binh.id, status: 'absent', reason: 'Đi tập huấn' });
  await buildAttendance(t.db, { meetingId: mTv.id, personId: binh.id, status: 'absent', reason: 'Đi tập huấn' });
  await buildAttendance(t.db, { meetingId: mToan.id, personId: chi.id, status: 'present' });
  await buildAttendance(t.db, { meetingId: mTv.id, personId: chi.id, status: 'late' });

  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
  specialist = await t.client().login(w.users.specialist.email, w.users.specialist.password);
  const res = await admin.post('/api/reports', { schoolYearId: w.year.id, termNumber: 1, networkId: w.networks.network1.id });
  expect(res.statusCode, res.body).toBe(201);
  report = res.json();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const bySubject = (list: Array<{ subject: string; count: number }>) => Object.fromEntries(list.map((s) => [s.subject, s.count]));

describe('Mẫu 3: teachers who did not take part, by one definition', () => {
  it('per subject: absent from every meeting of the subject; total: each listed teacher once', () => {
    const r = report.results;
    expect(r.participants).toBe(2);
    expect(bySubject(r.participantsBySubject)).toEqual({ Toán: 2, 'Tiếng Việt': 1 });
    expect(bySubject(r.nonParticipantsBySubject)).toEqual({ Toán: 1, 'Tiếng Việt': 2 });
    const names = Object.fromEntries(r.nonParticipantsBySubject.map((s) => [s.subject, s.people.map((p) => `${p.name}: ${p.reason}`)]));
    expect(names).toEqual({ Toán: ['Trần Văn Bình: Đi tập huấn'], 'Tiếng Việt': ['Lê Thị An: Ốm', 'Trần Văn Bình: Đi tập huấn'] });
    // An took part (Toán) and did not (Tiếng Việt): counted in both totals
    expect(r.nonParticipants).toBe(2);
    expect(r.nonParticipants).toBe(new Set(r.nonParticipantsBySubject.flatMap((s) => s.people.map((p) => p.name))).size);
  });

  it('the roll-up row of the network (counted in SQL) agrees with the report', async () => {
    const res = await specialist.get(`/api/reports/rollup?orgId=${w.orgs.commune1.id}&schoolYearId=${w.year.id}&termNumber=1`);
    expect(res.statusCode, res.body).toBe(200);
    const row = (res.json() as Rollup).rows.find((x) => x.id === w.networks.network1.id);
    expect(row).toMatchObject({ meetingsHeld: 2, participants: 2, nonParticipants: 2 });
  });

  it('the DOCX prints the same total beside the subjects, the lists, and the definition under the table', async () => {
    const res = await admin.get(`/api/reports/${report.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    const text = await docxText(res.rawPayload);
    expect(text).toContain(
      'Tổng số giáo viên tham gia sinh hoạt tổ chuyên môn liên trường trong học kỳ là: 2, gồm các môn: Toán 2, Tiếng Việt 1.',
    );
    expect(text).toContain('Số giáo viên không tham gia: 2 (Toán 1, Tiếng Việt 2); chi tiết theo từng môn và lý do:');
    expect(text).toContain('1 GV:\n- Trần Văn Bình (Trường THCS Tân Thạnh Đông): Đi tập huấn');
    expect(text).toContain(
      '2 GV:\n- Lê Thị An (Trường THCS Tân Thạnh Đông): Ốm\n- Trần Văn Bình (Trường THCS Tân Thạnh Đông): Đi tập huấn',
    );
    expect(text).toContain(NON_PARTICIPANTS_NOTE);
    // the note follows the teachers' table
    expect(text.indexOf(NON_PARTICIPANTS_NOTE)).toBeGreaterThan(text.indexOf('2 GV:'));
  });
});
