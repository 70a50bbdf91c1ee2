import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAttendance,
  buildInvitations,
  buildMeeting,
  buildMinutes,
  buildNetwork,
  buildOrg,
  buildSchoolYear,
  buildUser,
  buildVenue,
} from '../../../../tests/factories';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import { meetingPresenters, meetingSubjects, meetings, minutes, minutesSignatures, subjects } from '../../db/schema';

/**
 * The official documents through HTTP: Mẫu 1 (DOCX, XLSX, print page) of a school group's term, and Mẫu 2 of a
 * hybrid meeting with absentees and signatures. Each DOCX is converted to PDF with LibreOffice and its text checked.
 */

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice) console.warn('SKIP: soffice (Debian libreoffice-writer-nogui) is missing: the DOCX → PDF checks are skipped');

const work = mkdtempSync(path.join(tmpdir(), 'lt-exports-'));
const shotsDir = path.resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../../../docs/screenshots' : '../../../../test-results/screenshots',
);

/** DOCX → PDF with LibreOffice headless (own profile), then its text with pdftotext; page 1 saved as PNG. */
function pdfText(docx: Buffer, name: string): { text: string } {
  const file = path.join(work, `${name}.docx`);
  writeFileSync(file, docx);
  const profile = `file://${path.join(work, `profile-${name}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.join(work, `${name}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(work, name)]);
  mkdirSync(shotsDir, { recursive: true });
  copyFileSync(path.join(work, `${name}.png`), path.join(shotsDir, `${name}.png`));
  // -raw keeps the order of the content stream: each table cell's lines stay together.
  return { text: flat(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })) };
}

/** Text with runs of white space squeezed, so that lines wrapped inside a cell still match. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

let t: TestApp;
const w = {} as {
  networkId: string;
  districtId: string;
  yearId: string;
  hybridId: string;
  firstId: string;
  leader: { email: string; password: string };
  member: { email: string; password: string };
  outsider: { email: string; password: string };
  office: { email: string; password: string };
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  const subj = new Map((await db.select().from(subjects)).map((s) => [s.code, s.id]));
  const year = await buildSchoolYear(db, { code: '2024-2025' });
  w.yearId = year.id;
  const province = await buildOrg(db, { type: 'province_department', name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh' });
  const district = await buildOrg(db, { type: 'district_office', name: 'Phòng Giáo dục và Đào tạo huyện Củ Chi', parentId: province.id });
  const [s1, s2, s3] = await Promise.all(
    ['Trường THCS Tân Thạnh Đông', 'Trường THCS Phú Hòa Đông', 'Trường THCS Nguyễn Văn Xơ'].map((name) =>
      buildOrg(db, { name, parentId: district.id }),
    ),
  );
  w.districtId = district.id;
  const other = await buildOrg(db, { name: 'Trường THCS Trung Lập', parentId: district.id });
  const principal = await buildUser(db, { fullName: 'Nguyễn Thị Hồng Nhung', positions: [{ orgId: s1.id, position: 'principal' }] });
  const secretary = await buildUser(db, { fullName: 'Trần Văn Đức', positions: [{ orgId: s2.id, position: 'teacher' }] });
  const presenter = await buildUser(db, { fullName: 'Võ Thị Ngọc Hân', positions: [{ orgId: s1.id, position: 'teacher' }] });
  const present = await buildUser(db, { fullName: 'Huỳnh Minh Khoa', positions: [{ orgId: s3.id, position: 'teacher' }] });
  const absent1 = await buildUser(db, { fullName: 'Lê Thị Ánh Tuyết', positions: [{ orgId: s2.id, position: 'teacher' }] });
  const absent2 = await buildUser(db, { fullName: 'Phạm Quốc Bảo', positions: [{ orgId: s3.id, position: 'teacher' }] });
  const member = await buildUser(db, { fullName: 'Đặng Thu Trang', positions: [{ orgId: s3.id, position: 'teacher' }] });
  const outsider = await buildUser(db, { fullName: 'Bùi Văn Lợi', positions: [{ orgId: other.id, position: 'teacher' }] });
  const office = await buildUser(db, { fullName: 'Mai Thị Thanh', positions: [{ orgId: district.id, position: 'specialist' }] });
  Object.assign(w, { leader: principal, member, outsider, office });

  const network = await buildNetwork(db, {
    schoolYearId: year.id,
    supervisingOrgId: district.id,
    memberOrgIds: [s1.id, s2.id, s3.id],
    name: 'Nhóm liên trường số 1',
    leadOrgId: s1.id,
    leaders: [{ personId: principal.person.id, role: 'leader' }],
  });
  w.networkId = network.id;
  const at = (iso: string) => new Date(`${iso}+07:00`);
  const meeting = async (o: Parameters<typeof buildMeeting>[1], subjectCodes: string[], venueOrg: string | null) => {
    const m = await buildMeeting(db, o);
    for (const code of subjectCodes) await db.insert(meetingSubjects).values({ meetingId: m.id, subjectId: subj.get(code) as string });
    if (venueOrg) await buildVenue(db, { meetingId: m.id, orgId: venueOrg });
    return m;
  };
  const base = { hostOrgId: s1.id, schoolYearId: year.id, networkId: network.id };
  const first = await meeting(
    {
      ...base,
      hostOrgId: s2.id,
      title: 'Thao giảng tiết Hình học 8: Định lí Pythagore',
      startsAt: at('2024-09-20T07:30:00'),
      plannedCount: 12,
    },
    ['toan'],
    s2.id,
  );
  w.firstId = first.id;
  const hybrid = await meeting(
    {
      ...base,
      title: 'Chuyên đề đọc hiểu văn bản nghị luận lớp 9',
      mode: 'hybrid',
      status: 'held',
      startsAt: at('2024-10-15T07:30:00'),
      endsAt: at('2024-10-15T11:00:00'),
      plannedCount: 15,
      chairPersonId: principal.person.id,
      secretaryPersonId: secretary.person.id,
    },
    ['ngu-van'],
    s1.id,
  );
  w.hybridId = hybrid.id;
  await buildVenue(db, {
    meetingId: hybrid.id,
    orgId: s3.id,
    isCentral: false,
    name: 'Điểm cầu Nguyễn Văn Xơ',
    onlineUrl: 'https://teams.example/x',
  });
  await meeting(
    { ...base, hostOrgId: s3.id, title: 'Buổi đã hủy vì bão', status: 'cancelled', startsAt: at('2024-11-05T13:30:00') },
    ['tieng-anh'],
    s3.id,
  );
  await meeting(
    {
      ...base,
      title: 'Hội thảo dạy học Khoa học tự nhiên theo chủ đề',
      startsAt: at('2024-12-03T08:00:00'),
      plannedCount: 9,
      status: 'postponed',
    },
    ['khtn', 'cong-nghe'],
    s1.id,
  );
  await db
    .update(meetings)
    .set({ statusReason: 'Trùng lịch kiểm tra học kỳ' })
    .where(eq(meetings.title, 'Hội thảo dạy học Khoa học tự nhiên theo chủ đề'));
  await meeting(
    { ...base, title: 'Giao lưu chuyên đề không ghi học kỳ', termNumber: null, startsAt: at('2024-12-10T07:30:00') },
    ['toan'],
    s3.id,
  );
  await meeting({ ...base, title: 'Buổi của học kỳ II', termNumber: 2, startsAt: at('2025-02-20T07:30:00') }, ['toan'], s1.id);

  await db.insert(meetingPresenters).values({ meetingId: hybrid.id, personId: presenter.person.id, topic: 'Đọc hiểu văn bản nghị luận' });
  const people = [principal, secretary, presenter, present, absent1, absent2];
  await buildInvitations(
    db,
    hybrid.id,
    people.map((p) => p.person.id),
  );
  for (const p of [principal, secretary, presenter, present]) await buildAttendance(db, { meetingId: hybrid.id, personId: p.person.id });
  await buildAttendance(db, { meetingId: hybrid.id, personId: absent1.person.id, status: 'excused', reason: 'Ốm, có giấy xin phép' });
  await buildAttendance(db, { meetingId: hybrid.id, personId: absent2.person.id, status: 'absent', reason: 'Trùng lịch coi thi học kỳ' });
  const m = await buildMinutes(db, {
    meetingId: hybrid.id,
    status: 'signing',
    discussion:
      '<p>Tiết dạy đạt mục tiêu; học sinh <strong>tích cực thảo luận</strong> nhóm.</p><ul><li>Cần tăng thời gian luyện tập.</li><li>Phiếu học tập rõ ràng.</li></ul><script>x()</script>',
    recommendations: '<p>Đề nghị Phòng tổ chức chuyên đề cấp huyện.</p>',
    textHash: 'a'.repeat(64),
  });
  let minute = 0;
  for (const p of [presenter, present, secretary, principal]) {
    await db.insert(minutesSignatures).values({
      minutesId: m.id,
      personId: p.person.id,
      textHash: 'a'.repeat(64),
      signedAt: new Date(at('2024-10-15T11:00:00').getTime() + ++minute * 60_000),
    });
  }
  await db
    .update(minutes)
    .set({ status: 'locked', lockedAt: at('2024-10-15T11:05:00') })
    .where(eq(minutes.id, m.id));
}, 120_000);

afterAll(async () => {
  await t?.close();
  // KEEP_EXPORTS_TMP=1 keeps the DOCX, PDF and PNG files to look at.
  if (!process.env.KEEP_EXPORTS_TMP) rmSync(work, { recursive: true, force: true });
  else console.info(`exports: files kept in ${work}`);
});

const scheduleUrl = (ext: string) => `/api/exports/schedule.${ext}?networkId=${w.networkId}&schoolYearId=${w.yearId}&term=1`;

describe('Mẫu 1: schedule', () => {
  it('downloads the DOCX', async () => {
    const c = await t.client().login(w.leader.email, w.leader.password);
    const res = await c.get(scheduleUrl('docx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('.docx');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it.skipIf(!hasSoffice)('whose PDF (LibreOffice) shows the national header, the form and the rows without the cancelled one', async () => {
    const c = await t.client().login(w.leader.email, w.leader.password);
    const { text } = pdfText((await c.get(scheduleUrl('docx'))).rawPayload, 'docx-mau1');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      'HUYỆN CỦ CHI',
      'TRƯỜNG THCS TÂN THẠNH ĐÔNG',
      'Số:',
      '/LSH',
      'LỊCH SINH HOẠT CHUYÊN MÔN LIÊN TRƯỜNG',
      'Nhóm liên trường số 1 - Huyện Củ Chi',
      'Học kỳ I, năm học 2024 - 2025',
      'Thời gian',
      'Nội dung sinh hoạt',
      'Địa điểm',
      'Ghi chú',
      'Nội dung sinh hoạt: Có thể là tiết dự giờ',
      'Nơi nhận:',
      'TRƯỞNG NHÓM',
      'Nguyễn Thị Hồng Nhung',
      '20/09/2024',
      '15/10/2024',
      '03/12/2024',
      'Kết hợp',
      'Tạm hoãn',
      'Khoa học tự nhiên, Công nghệ',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).toMatch(/Củ Chi, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).toContain('Số lượng GV tham dự');
    expect(text).not.toContain('Buổi đã hủy');
    expect(text).not.toContain('Buổi của học kỳ II');
    // The rows, cell after cell, in date order; the cancelled meeting and the term-2 one are absent.
    expect(text).toContain(
      '01 20/09/2024 7h30 - 11h00 Toán Thao giảng tiết Hình học 8: Định lí Pythagore Trường THCS Phú Hòa Đông 12 02 15/10/2024',
    );
    expect(text).toContain(
      '02 15/10/2024 7h30 - 11h00 Ngữ văn Chuyên đề đọc hiểu văn bản nghị luận lớp 9 Điểm cầu chính: Trường THCS Tân Thạnh Đông Các điểm cầu: Trường THCS Nguyễn Văn Xơ 15 Kết hợp trực tiếp và trực tuyến 03 03/12/2024',
    );
    // The footnote names the guidance it cites (no rules set here: the managing office's), not "công văn trên".
    expect(text).toContain('theo hướng dẫn sinh hoạt chuyên môn của cơ quan quản lý.');
    expect(text).not.toContain('công văn trên');
    expect(text).toMatch(
      /03 03\/12\/2024 8h00 - 11h30 Khoa học tự nhiên, Công nghệ Hội thảo .* 9 Tạm hoãn: Trùng lịch kiểm tra học kỳ 04 10\/12\/2024 .*Giao lưu chuyên đề không ghi học kỳ Trường THCS Nguyễn Văn Xơ \*/,
    );
  });

  it('downloads the XLSX, which parses back with the header and one row per meeting', async () => {
    const c = await t.client().login(w.member.email, w.member.password);
    const res = await c.get(scheduleUrl('xlsx'));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'TT',
      'Ngày',
      'Giờ',
      'Môn',
      'Nội dung sinh hoạt',
      'Địa điểm',
      'Số lượng GV tham dự',
      'Ghi chú',
    ]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(5);
    const second = ws.getRow(3);
    expect(second.getCell(2).value).toEqual(new Date(Date.UTC(2024, 9, 15)));
    expect(second.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(second.getCell(3).value).toBe('7h30 - 11h00');
    expect(second.getCell(4).value).toBe('Ngữ văn');
    expect(second.getCell(7).value).toBe(15);
    expect(String(second.getCell(8).value)).toContain('Kết hợp');
    expect(String(ws.getRow(4).getCell(8).value)).toContain('Tạm hoãn: Trùng lịch kiểm tra học kỳ');
  });

  it('serves a print page with the same rows, escaped', async () => {
    const c = await t.client().login(w.office.email, w.office.password);
    const res = await c.get(scheduleUrl('html'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('@page { size: A4');
    writeFileSync(path.join(work, 'schedule.html'), res.body);
    expect(res.body).toContain('Định lí Pythagore');
    expect(res.body).not.toContain('Buổi đã hủy');
  });

  it('works for an org subtree (the district), and refuses a teacher outside the network', async () => {
    const office = await t.client().login(w.office.email, w.office.password);
    const district = await office.get(`/api/exports/schedule.html?orgId=${w.districtId}&schoolYearId=${w.yearId}&term=1`);
    expect(district.statusCode).toBe(200);
    expect(district.body).toContain('Huyện Củ Chi');
    expect(district.body).toContain('Định lí Pythagore');
    expect(district.body).not.toContain('Buổi đã hủy');
    const byNetwork = await office.get(`/api/exports/schedule.html?networkId=${w.networkId}&term=1`);
    expect(byNetwork.statusCode).toBe(200);
    const outsider = await t.client().login(w.outsider.email, w.outsider.password);
    expect((await outsider.get(scheduleUrl('docx'))).statusCode).toBe(403);
    expect((await outsider.get(`/api/exports/schedule.docx?schoolYearId=${w.yearId}`)).statusCode).toBe(400);
    expect((await t.client().get(scheduleUrl('docx'))).statusCode).toBe(401);
  });
});

/**
 * The body paragraphs from the one holding `marker` up to the next table, as XML: what a form prints just before its
 * signatures. Each must be kept with what follows (w:keepNext), so the signature block never starts a page alone.
 */
async function leadInToSignatures(docx: Buffer, marker: string): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
  const at = xml.indexOf(marker);
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const table = xml.indexOf('<w:tbl>', at);
  expect(at, marker).toBeGreaterThan(0);
  expect(table).toBeGreaterThan(at);
  return xml
    .slice(start, table)
    .split('</w:p>')
    .filter((p) => p.includes('<w:p'));
}

describe('signature blocks never sit alone on a page', () => {
  it('keeps the last line of Mẫu 1 and of Mẫu 2 with the signatures that follow', async () => {
    const leader = await t.client().login(w.leader.email, w.leader.password);
    const schedule = await leadInToSignatures((await leader.get(scheduleUrl('docx'))).rawPayload, 'Có thể là tiết dự giờ');
    const mau2 = await leadInToSignatures((await leader.get(`/api/exports/minutes/${w.hybridId}.docx`)).rawPayload, 'Biên bản kết thúc');
    for (const lead of [schedule, mau2]) {
      expect(lead.length).toBeGreaterThanOrEqual(2);
      for (const p of lead) expect(p).toContain('<w:keepNext/>');
    }
  });
});

describe('Mẫu 2: minutes', () => {
  it('downloads the DOCX of locked minutes to a participant, not to a teacher who took no part', async () => {
    const c = await t.client().login(w.member.email, w.member.password);
    // A teacher of a network school who took no part is not a participant nor a manager.
    expect((await c.get(`/api/exports/minutes/${w.hybridId}.docx`)).statusCode).toBe(403);
    const leader = await t.client().login(w.leader.email, w.leader.password);
    const res = await leader.get(`/api/exports/minutes/${w.hybridId}.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it.skipIf(!hasSoffice)('whose PDF (LibreOffice) shows the form fields and the real values of locked minutes', async () => {
    const leader = await t.client().login(w.leader.email, w.leader.password);
    const { text } = pdfText((await leader.get(`/api/exports/minutes/${w.hybridId}.docx`)).rawPayload, 'docx-mau2');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      'TRƯỜNG THCS TÂN THẠNH ĐÔNG',
      '/BB-SHCM',
      'BIÊN BẢN SINH HOẠT CHUYÊN MÔN LIÊN TRƯỜNG',
      'Nhóm liên trường số 1 - Môn Ngữ văn',
      'Củ Chi, ngày 15 tháng 10 năm 2024',
      'Thời gian sinh hoạt chuyên môn liên trường: Từ 7 giờ 30 đến 11 giờ 00, ngày 15 tháng 10 năm 2024',
      'Địa điểm: Trường THCS Tân Thạnh Đông',
      'các điểm cầu: Trường THCS Nguyễn Văn Xơ',
      'Họ tên giáo viên thực hiện (hoặc Tổ chuyên môn): Võ Thị Ngọc Hân',
      'Đơn vị: Trường THCS Tân Thạnh Đông',
      'Số lượng giáo viên tham dự theo kế hoạch: 15',
      'Số lượng giáo viên tham dự thực tế: 4',
      'Họ tên giáo viên vắng, lý do:',
      'Lê Thị Ánh Tuyết (Trường THCS Phú Hòa Đông): vắng có phép, lý do: Ốm, có giấy xin phép',
      'Phạm Quốc Bảo (Trường THCS Nguyễn Văn Xơ): vắng, lý do: Trùng lịch coi thi học kỳ',
      'Những nội dung góp ý trao đổi về nội dung sinh hoạt chuyên môn liên trường:',
      'tích cực thảo luận',
      'Cần tăng thời gian luyện tập.',
      'Kiến nghị:',
      'Đề nghị Phòng tổ chức chuyên đề cấp huyện.',
      'NGƯỜI GHI BIÊN BẢN',
      'CHỦ TRÌ',
      'Trần Văn Đức',
      'Nguyễn Thị Hồng Nhung',
      'Huỳnh Minh Khoa',
      'Biên bản đã được ký xác nhận và khóa ngày 15 tháng 10 năm 2024',
      'a'.repeat(64),
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('x()');
    expect(text).not.toContain('DỰ THẢO');
  });

  it.skipIf(!hasSoffice)('marks minutes not yet locked as a draft', async () => {
    const c = await t.client().login(w.leader.email, w.leader.password);
    const res = await c.get(`/api/exports/minutes/${w.firstId}.docx`);
    expect(res.statusCode).toBe(200);
    const { text } = pdfText(res.rawPayload, 'docx-mau2-draft');
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Nhóm liên trường số 1 - Môn Toán');
  });

  it('refuses a teacher of another school (403) and answers 404 for an unknown meeting', async () => {
    const c = await t.client().login(w.outsider.email, w.outsider.password);
    expect((await c.get(`/api/exports/minutes/${w.hybridId}.docx`)).statusCode).toBe(403);
    const office = await t.client().login(w.office.email, w.office.password);
    expect((await office.get(`/api/exports/minutes/${w.hybridId}.docx`)).statusCode).toBe(200);
    expect((await office.get('/api/exports/minutes/00000000-0000-4000-8000-000000000000.docx')).statusCode).toBe(404);
  });
});
