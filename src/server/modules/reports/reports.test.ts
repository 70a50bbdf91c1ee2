import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAttendance, buildMeeting } from '../../../../tests/factories';
import { docxToPdfText, hasSoffice, solidPng } from '../../../../tests/helpers/pdf';
import { buildReportWorld, type ReportWorld } from '../../../../tests/helpers/reportWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { ReportDetail, Rollup, RollupRow } from '../../../shared/reports';
import { accounts, attachments, networkLeaders } from '../../db/schema';
import { putContent } from '../../lib/files/content';
import { LocalFileStore } from '../../lib/files/local';

/**
 * The main done-when line: a known term on the Củ Chi demo data (tests/helpers/reportWorld.ts describes it)
 * gives Mẫu 3 numbers equal to the hand count; the roll-up equals the sum of its parts; the group that met once is
 * flagged; a report is drafted, submitted, returned, resubmitted and accepted, and an accepted report never changes.
 */

let t: TestApp;
let w: ReportWorld;
let specialist: TestClient;
const leader: Record<string, TestClient> = {};

async function leaderOf(networkId: string): Promise<TestClient> {
  const [row] = await t.db
    .select({ email: accounts.email })
    .from(networkLeaders)
    .innerJoin(accounts, eq(accounts.personId, networkLeaders.personId))
    .where(and(eq(networkLeaders.networkId, networkId), eq(networkLeaders.role, 'leader')));
  return t.client().login(row.email, w.seeded.password);
}

beforeAll(async () => {
  t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'lt-reports-')) });
  w = await buildReportWorld(t.db);
  specialist = await t.client().login('chuyenvien.so@lientruong.vn', w.seeded.password);
  for (const k of ['g1', 'g2', 'g3'] as const) leader[k] = await leaderOf(w.networks[k].id);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

const rollupUrl = (orgId: string) => `/api/reports/rollup?orgId=${orgId}&schoolYearId=${w.year.id}&termNumber=1`;

async function createReport(c: TestClient, body: Record<string, unknown>): Promise<ReportDetail> {
  const res = await c.post('/api/reports', { schoolYearId: w.year.id, termNumber: 1, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const bySubject = (list: Array<{ subject: string; count: number }>) => Object.fromEntries(list.map((s) => [s.subject, s.count]));

describe('Mẫu 3 numbers equal the hand count', () => {
  it('Nhóm 1: 4 meetings (Toán ×2, Ngữ văn ×2), 17 teachers took part (8 Toán, 9 Ngữ văn), 1 did not (Toán, ốm)', async () => {
    const r = await createReport(leader.g1, {
      networkId: w.networks.g1.id,
      documentNumber: '05/BC-NLT1',
      advantages: 'Ba trường gần nhau, giáo viên nhiệt tình.\nKhó khăn: lịch dạy dày.',
      recommendations: 'Đề nghị Sở tổ chức tập huấn nghiên cứu bài học.',
    });
    expect(r.status).toBe('draft');
    expect(r.live).toBe(true);
    expect(r.results.meetingsHeld).toBe(4);
    expect(bySubject(r.results.lessonsBySubject)).toEqual({ Toán: 2, 'Ngữ văn': 2 });
    expect(r.results.lessonsBySubject.find((l) => l.subject === 'Toán')?.contents[0]).toContain('Định lí Pythagore');
    expect(r.results.notCarriedOut).toEqual([]);
    expect(r.results.participants).toBe(17);
    expect(bySubject(r.results.participantsBySubject)).toEqual({ Toán: 8, 'Ngữ văn': 9 });
    expect(r.results.nonParticipants).toBe(1);
    expect(r.results.nonParticipantsBySubject).toHaveLength(1);
    expect(r.results.nonParticipantsBySubject[0]).toMatchObject({ subject: 'Toán', count: 1 });
    expect(r.results.nonParticipantsBySubject[0].people[0].reason).toBe('Ốm, có giấy xin phép');
    expect(r.results.nonParticipantsBySubject[0].people[0].unit).toMatch(/^Trường THCS /);
    expect(r.can).toEqual({ update: true, submit: true, review: false });
  });

  it('Nhóm 2: a Toán + Tin học meeting counts in both subjects; teachers count under the subject they teach', async () => {
    const r = await createReport(leader.g2, { networkId: w.networks.g2.id });
    // 4 meetings: KHTN ×2 and Toán + Tin học ×2 (each of those counts once in Toán and once in Tin học)
    expect(r.results.meetingsHeld).toBe(4);
    expect(bySubject(r.results.lessonsBySubject)).toEqual({ 'Khoa học tự nhiên': 2, Toán: 2, 'Tin học': 2 });
    expect(r.results.participants).toBe(22);
    expect(bySubject(r.results.participantsBySubject)).toEqual({ 'Khoa học tự nhiên': 11, Toán: 9, 'Tin học': 2 });
    expect(r.results.nonParticipants).toBe(2);
    const reasons = Object.fromEntries(r.results.nonParticipantsBySubject.map((s) => [s.subject, s.people.map((p) => p.reason)]));
    expect(reasons).toEqual({ 'Khoa học tự nhiên': ['Đi tập huấn'], 'Tin học': ['Trùng lịch dạy'] });
  });

  it('Nhóm 3: met once; the cancelled planned item is listed with its reason; 7 took part, 2 did not', async () => {
    const r = await createReport(leader.g3, { networkId: w.networks.g3.id });
    expect(r.results.meetingsHeld).toBe(1);
    expect(r.results.notCarriedOut).toEqual([
      { content: 'Chuyên đề Ngữ văn: Viết bài văn nghị luận xã hội', date: '2025-12-09', reason: 'Trùng lịch kiểm tra cuối học kỳ I' },
    ]);
    expect(r.results.participants).toBe(7);
    expect(r.results.nonParticipants).toBe(2);
    expect(r.results.nonParticipantsBySubject[0].people.map((p) => p.reason).sort()).toEqual(['Bận việc gia đình', 'Ốm']);
  });
});

describe('the roll-up of the Sở', () => {
  let rollup: Rollup;
  const row = (id: string) => rollup.rows.find((r) => r.id === id) as RollupRow;

  beforeAll(async () => {
    const res = await specialist.get(rollupUrl(w.so.id));
    expect(res.statusCode, res.body).toBe(200);
    rollup = res.json();
  });

  it('lists the 10 networks and the 7 communes, and its totals equal the sum of its parts', () => {
    expect(rollup.rows.filter((r) => r.kind === 'network')).toHaveLength(10);
    expect(rollup.rows.filter((r) => r.kind === 'org')).toHaveLength(7);
    const sum = (f: (r: RollupRow) => number) => rollup.rows.reduce((a, r) => a + f(r), 0);
    expect(rollup.totals.meetingsHeld).toBe(sum((r) => r.meetingsHeld));
    expect(rollup.totals.participants).toBe(sum((r) => r.participants));
    expect(rollup.totals.nonParticipants).toBe(sum((r) => r.nonParticipants));
    expect(rollup.totals.notCarriedOut).toBe(sum((r) => r.notCarriedOut));
    // Hand count: 4 + 4 + 1 (groups) + 1 (Cụm 01) + 1 (Tân Thạnh Đông's own, via its commune).
    expect(rollup.totals).toMatchObject({ meetingsHeld: 11, notCarriedOut: 1, participants: 17 + 22 + 7 + 36 + 3, nonParticipants: 5 });
    expect(row(w.commune.id)).toMatchObject({ meetingsHeld: 1, participants: 3 });
  });

  it('flags the group that met once, and not the groups that met twice in each planned subject nor the cluster that met once', () => {
    // school groups: 2 a term for each subject of their plan (seed 001); Nhóm 3 planned Toán and Ngữ văn, held 1 Toán
    expect(row(w.networks.g3.id)).toMatchObject({
      meetingsHeld: 1,
      required: 4,
      quotaHeld: 1,
      belowQuota: true,
      subjectsBehind: ['Toán', 'Ngữ văn'],
    });
    expect(row(w.networks.g1.id)).toMatchObject({ meetingsHeld: 4, required: 4, quotaHeld: 4, belowQuota: false, subjectsBehind: [] });
    // Nhóm 2: KHTN, Toán and Tin học twice each, with 4 meetings (a Toán + Tin học meeting counts for both)
    expect(row(w.networks.g2.id)).toMatchObject({
      meetingsHeld: 4,
      required: 6,
      quotaHeld: 6,
      perSubjectCount: 2,
      belowQuota: false,
      subjectsBehind: [],
    });
    // the cluster's quota is for the cluster as a whole
    expect(row(w.networks.cluster1.id)).toMatchObject({
      meetingsHeld: 1,
      required: 1,
      quotaHeld: 1,
      perSubjectCount: null,
      belowQuota: false,
      subjectsBehind: [],
    });
    // Groups 4–8 and Cụm 02 held nothing.
    expect(rollup.totals.belowQuota).toBe(7);
  });

  it('for the whole year, each subject needs 4 meetings (2 a term): even the groups that met twice per subject are flagged', async () => {
    const res = await specialist.get(`/api/reports/rollup?orgId=${w.so.id}&schoolYearId=${w.year.id}`);
    const year: Rollup = res.json();
    expect(year.termNumber).toBeNull();
    expect(year.rows.find((r) => r.id === w.networks.g1.id)).toMatchObject({
      required: 8,
      quotaHeld: 4,
      belowQuota: true,
      subjectsBehind: ['Toán', 'Ngữ văn'],
    });
    expect(year.totals.meetingsHeld).toBe(11);
  });

  it('flags missing reports: drafts and units without a report', () => {
    expect(row(w.networks.g1.id)).toMatchObject({ reportStatus: 'draft', missingReport: true });
    expect(row(w.networks.cluster1.id)).toMatchObject({ reportStatus: null, missingReport: true });
    expect(rollup.totals.missing).toBe(17);
  });
});

describe('review: draft → submitted → returned → resubmitted → accepted, then frozen', () => {
  let id: string;
  beforeAll(async () => {
    const res = await leader.g1.get(`/api/reports?networkId=${w.networks.g1.id}`);
    id = res.json()[0].id;
  });

  it('goes through every step, with the history of who did what', async () => {
    let res = await leader.g1.post(`/api/reports/${id}/submit`);
    expect(res.json()).toMatchObject({ status: 'submitted', live: false });
    res = await leader.g1.put(`/api/reports/${id}`, { advantages: 'Sửa khi đã gửi' });
    expect(res.statusCode).toBe(409);
    res = await leader.g1.post(`/api/reports/${id}/accept`, {});
    expect(res.statusCode).toBe(403);
    res = await specialist.post(`/api/reports/${id}/return`, { comment: 'Bổ sung khó khăn về cơ sở vật chất' });
    expect(res.json()).toMatchObject({ status: 'returned', live: true });
    const png = solidPng(160, 120, [30, 110, 200]);
    const sha256 = (await putContent(new LocalFileStore(t.config.dataDir), 'files', png)).sha256;
    const [photo] = await t.db
      .insert(attachments)
      .values({
        meetingId: w.m1.id,
        fileName: 'thao-giang-toan-8.png',
        mimeType: 'image/png',
        size: png.length,
        storageKey: `${sha256.slice(0, 2)}/${sha256}`,
        sha256,
      })
      .returning();
    res = await leader.g1.put(`/api/reports/${id}`, {
      documentNumber: '05/BC-NLT1',
      advantages: 'Ba trường gần nhau, giáo viên nhiệt tình.\nKhó khăn: phòng học bộ môn còn thiếu.',
      recommendations: 'Đề nghị Sở tổ chức tập huấn nghiên cứu bài học.',
      photoIds: [photo.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await leader.g1.post(`/api/reports/${id}/submit`);
    expect(res.json().status).toBe('resubmitted');
    res = await specialist.post(`/api/reports/${id}/accept`, { comment: 'Đã tiếp nhận' });
    const r: ReportDetail = res.json();
    expect(r.status).toBe('accepted');
    expect(r.history.map((h) => h.action)).toEqual(['submit', 'return', 'resubmit', 'accept']);
    expect(r.history[1].comment).toBe('Bổ sung khó khăn về cơ sở vật chất');
    expect(r.can).toEqual({ update: false, submit: false, review: false });
  });

  it('an accepted report keeps its numbers when data change later; the roll-up carries its snapshot', async () => {
    const late = await buildMeeting(t.db, {
      hostOrgId: w.tanThanhDong,
      schoolYearId: w.year.id,
      networkId: w.networks.g1.id,
      termNumber: 1,
      status: 'held',
      startsAt: new Date('2025-12-16T07:30:00+07:00'),
    });
    const [someone] = await w.teachersOf([w.tanThanhDong], 'khtn');
    await buildAttendance(t.db, { meetingId: late.id, personId: someone });
    const r: ReportDetail = (await leader.g1.get(`/api/reports/${id}`)).json();
    expect(r.results.meetingsHeld).toBe(4);
    expect(r.results.participants).toBe(17);
    const rollup: Rollup = (await specialist.get(rollupUrl(w.so.id))).json();
    const g1 = rollup.rows.find((x) => x.id === w.networks.g1.id);
    expect(g1).toMatchObject({ source: 'snapshot', meetingsHeld: 4, reportStatus: 'accepted', missingReport: false, belowQuota: false });
    expect(rollup.totals.meetingsHeld).toBe(rollup.rows.reduce((a, x) => a + x.meetingsHeld, 0));
  });
});

describe('a commune reports to the Sở with numbers carried up from its schools', () => {
  it('the commune report equals its roll-up; once accepted the Sở roll-up carries its snapshot', async () => {
    const officer = await t.client().login('canbo.xa@lientruong.vn', w.seeded.password);
    const communeRollup: Rollup = (await officer.get(rollupUrl(w.commune.id))).json();
    expect(communeRollup.rows.map((r) => r.kind)).not.toContain('network');
    expect(communeRollup.totals).toMatchObject({ meetingsHeld: 1, participants: 3 });
    const r = await createReport(officer, { orgId: w.commune.id, documentNumber: '12/BC-UBND' });
    expect(r.reviewerOrg.id).toBe(w.so.id);
    expect(r.results.meetingsHeld).toBe(communeRollup.totals.meetingsHeld);
    expect(r.results.participants).toBe(communeRollup.totals.participants);
    expect(r.results.lessonsBySubject).toEqual([
      { subject: 'Toán', count: 1, contents: [expect.stringContaining('Sinh hoạt tổ Toán - Tin')] },
    ]);
    expect((await officer.post(`/api/reports/${r.id}/submit`)).statusCode).toBe(200);
    expect((await specialist.post(`/api/reports/${r.id}/accept`, {})).statusCode).toBe(200);
    const so: Rollup = (await specialist.get(rollupUrl(w.so.id))).json();
    expect(so.rows.find((x) => x.id === w.commune.id)).toMatchObject({ source: 'snapshot', meetingsHeld: 1, reportStatus: 'accepted' });
  });
});

describe('documents: Mẫu 3 and the roll-up as DOCX (rendered by LibreOffice) and XLSX', () => {
  const shots = path.resolve(
    import.meta.dirname,
    process.env.UPDATE_SCREENSHOTS ? '../../../../docs/screenshots' : '../../../../test-results/screenshots',
  );

  it.skipIf(!hasSoffice)('Mẫu 3 of Nhóm 1 has the national header, the form sections and the numbers', async () => {
    const [report] = (await leader.g1.get(`/api/reports?networkId=${w.networks.g1.id}`)).json();
    const res = await leader.g1.get(`/api/reports/${report.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.includes(Buffer.from('word/media/'))).toBe(true);
    const text = docxToPdfText(res.rawPayload, 'docx-mau3', shots);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BC-NLT1',
      'BÁO CÁO',
      'Kết quả sinh hoạt chuyên môn liên trường',
      'Học kỳ I, năm học 2025 - 2026',
      'I. Những thuận lợi và khó khăn:',
      'phòng học bộ môn còn thiếu',
      'II. Kết quả:',
      'Tổng số tiết thao giảng hoặc chuyên đề đã thực hiện: 4',
      'Số nội dung không thực hiện được so với kế hoạch: 0',
      'Tổng số giáo viên tham gia sinh hoạt tổ chuyên môn liên trường trong học kỳ là: 17',
      'Số giáo viên không tham gia: 1',
      'Ốm, có giấy xin phép',
      'III. Kiến nghị:',
      'Kèm theo 1 hình ảnh hoạt động: thao-giang-toan-8.png',
      'Nơi nhận:',
      'TRƯỞNG NHÓM',
    ]) {
      expect(text).toContain(s);
    }
  });

  it.skipIf(!hasSoffice)('the roll-up DOCX lists every unit, the totals and the flags', async () => {
    const res = await specialist.get(`/api/reports/rollup.docx?orgId=${w.so.id}&schoolYearId=${w.year.id}&termNumber=1`);
    expect(res.statusCode).toBe(200);
    const text = docxToPdfText(res.rawPayload, 'docx-rollup', shots);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH',
      // Nghị định 30: the Sở under the city's people's committee, and the city's full name as the place.
      'UBND THÀNH PHỐ HỒ CHÍ MINH',
      'Thành phố Hồ Chí Minh, ngày',
      'BÁO CÁO TỔNG HỢP',
      'Kết quả sinh hoạt chuyên môn liên trường',
      'Nhóm liên trường số 3',
      'Chưa đủ số buổi (1/4',
      'Ngữ văn)',
      'số buổi tối thiểu bằng 2 buổi mỗi môn',
      'Tổng cộng',
      'Đơn vị chưa đủ số buổi theo quy định:',
      'Nơi nhận:',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('the roll-up XLSX has one row per unit and a totals row equal to the sum', async () => {
    const res = await specialist.get(`/api/reports/rollup.xlsx?orgId=${w.so.id}&schoolYearId=${w.year.id}&termNumber=1`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(1 + 17 + 1);
    const held = (r: number) => Number(ws.getRow(r).getCell(4).value);
    let sum = 0;
    for (let r = 2; r <= 18; r++) sum += held(r);
    expect(ws.getRow(19).getCell(2).value).toBe('Tổng cộng');
    expect(held(19)).toBe(sum);
  });

  it("the report's tables XLSX lists the lessons by subject and the absentees with reasons", async () => {
    const [report] = (await leader.g2.get(`/api/reports?networkId=${w.networks.g2.id}`)).json();
    const res = await leader.g2.get(`/api/reports/${report.id}/tables.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tiết thao giảng, chuyên đề', 'Không thực hiện', 'Giáo viên']);
    expect(wb.worksheets[0].rowCount).toBe(1 + 3);
    const reasons = wb.worksheets[2].getColumn(7).values.filter((v) => typeof v === 'string');
    expect(reasons).toEqual(['Lý do', 'Đi tập huấn', 'Trùng lịch dạy']);
  });
});
