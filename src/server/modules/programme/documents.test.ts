import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { InspectionView } from '../../../shared/inspections';
import type { AssignmentView } from '../../../shared/programme';
import { seedDemo } from '../../seed/demo';
import { BAC_GIANG_LOGINS } from '../../seed/demo/bacGiang';

/**
 * Seed 002's appendices from the demo data (Sở GD&ĐT Bắc Giang, 2023-2024): the eight assignments of Phụ lục I, the
 * seven rows of Phụ lục II, a recorded inspection. Each DOCX goes through LibreOffice to PDF and its text is checked;
 * page 1 is kept as PNG. The XLSX of each table is read back.
 */

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice) console.warn('SKIP: soffice is missing: the DOCX → PDF checks of Phụ lục I and II are skipped');

const work = mkdtempSync(path.join(tmpdir(), 'lt-phuluc-'));
const shotsDir = path.resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../../../docs/screenshots' : '../../../../test-results/screenshots',
);

/** DOCX → PDF (LibreOffice, own profile) → text (pdftotext, white space squeezed); page 1 saved as PNG at 60 dpi. */
function pdfText(docx: Buffer, name: string): string {
  const file = path.join(work, `${name}.docx`);
  writeFileSync(file, docx);
  const profile = `file://${path.join(work, `profile-${name}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.join(work, `${name}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(work, name)]);
  mkdirSync(shotsDir, { recursive: true });
  copyFileSync(path.join(work, `${name}.png`), path.join(shotsDir, `${name}.png`));
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function sheetRows(buf: Buffer, index = 0): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[index].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

let t: TestApp;
let so: TestClient;
let yearId: string;

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await t.db.transaction((tx) => seedDemo(tx));
  so = await t.client().login(BAC_GIANG_LOGINS.specialist, seeded.password);
  const years = (await so.get('/api/school-years')).json<Array<{ id: string; code: string }>>();
  yearId = years.find((y) => y.code === '2023-2024')?.id as string;
}, 300_000);
afterAll(async () => t?.close());

describe('Phụ lục I of seed 002 from the demo data', () => {
  it('holds the seed eight assignments, four per level, with their months', async () => {
    const rows = (await so.get(`/api/assignments?schoolYearId=${yearId}`)).json<AssignmentView[]>();
    expect(rows).toHaveLength(8);
    expect(
      rows
        .filter((r) => r.level === 'lower_secondary')
        .map((r) => `${r.unitName} | ${r.subjectName}${r.grade ? ` ${r.grade}` : ''} | ${r.month}`),
    ).toEqual([
      'Phòng Giáo dục và Đào tạo thành phố Bắc Giang | Khoa học tự nhiên 8 | 2023-12',
      'Phòng Giáo dục và Đào tạo huyện Tân Yên | Ngữ văn 8 | 2024-01',
      'Phòng Giáo dục và Đào tạo huyện Hiệp Hòa | Lịch sử và Địa lí | 2024-03',
      'Phòng Giáo dục và Đào tạo huyện Sơn Động | Hoạt động trải nghiệm, hướng nghiệp | 2023-11',
    ]);
    expect(rows.filter((r) => r.level === 'upper_secondary').map((r) => r.unitName)).toEqual([
      'Trường THPT Tân Yên số 1',
      'Trung tâm GDNN-GDTX huyện Lạng Giang',
      'Trường THPT Lục Nam',
      'Trường Cao đẳng Kỹ thuật công nghiệp',
    ]);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['overdue']));
  });

  it.skipIf(!hasSoffice)('renders as DOCX with the seed table per level, and as XLSX', async () => {
    const res = await so.get(`/api/programme/phu-luc-1.docx?schoolYearId=${yearId}`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload, 'docx-phu-luc-1');
    expect(text).toContain('Phụ lục I');
    expect(text).toContain('PHÂN CÔNG TỔ CHỨC SINH HOẠT CHUYÊN MÔN CẤP TỈNH NĂM HỌC 2023-2024');
    expect(text).toContain(
      'Kèm theo Kế hoạch tổ chức sinh hoạt chuyên môn cấp tỉnh năm học 2023-2024 của Sở Giáo dục và Đào tạo tỉnh Bắc Giang',
    );
    expect(text).toContain('CẤP THCS');
    expect(text).toContain('CẤP THPT');
    expect(text).toContain('TT Đơn vị tổ chức Môn học Thời gian tổ chức');
    expect(text).toContain('Khoa học tự nhiên 8 Tháng 12/2023');
    expect(text).toContain('Ngữ văn 8 Tháng 01/2024');
    expect(text).toContain('Trường THPT Lục Nam Tiếng Anh 11 Tháng 12/2023');
    expect(text).toContain('Lưu ý: Ngoài lịch SHCM cấp tỉnh');
    const xlsx = await so.get(`/api/programme/phu-luc-1.xlsx?schoolYearId=${yearId}`);
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows).toHaveLength(9);
    expect(rows[1].slice(0, 5)).toEqual([
      '1',
      'THCS',
      'Phòng Giáo dục và Đào tạo thành phố Bắc Giang',
      'Khoa học tự nhiên 8',
      'Tháng 12/2023',
    ]);
    expect(rows[8][8]).toBe('Quá hạn');
  });
});

describe('Phụ lục II of seed 002 from the demo data', () => {
  it.skipIf(!hasSoffice)('renders the seven inspection months, the inspected units, and a record with the checklist', async () => {
    const res = await so.get(`/api/inspections/phu-luc-2.docx?schoolYearId=${yearId}`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload, 'docx-phu-luc-2');
    expect(text).toContain('Phụ lục II');
    expect(text).toContain('THỜI ĐIỂM KIỂM TRA THỰC HIỆN NHIỆM VỤ GDTrH, GDTX NĂM HỌC 2023-2024');
    expect(text).toContain('TT Các đơn vị trên địa bàn huyện, thành phố Thời gian');
    expect(text).toContain('1 TP Bắc Giang Tháng 9/2023');
    expect(text).toContain('3 Việt Yên, Yên Thế Tháng 11/2023');
    expect(text).toContain('7 Tân Yên, Yên Dũng Tháng 4/2024');
    expect(text).toContain('Trường THPT Lục Nam 16/01/2024 13/01/2024 Đã kiểm tra');
    const xlsx = await so.get(`/api/inspections/phu-luc-2.xlsx?schoolYearId=${yearId}`);
    expect((await sheetRows(xlsx.rawPayload, 0)).map((r) => r[1])).toEqual([
      'Các đơn vị trên địa bàn huyện, thành phố',
      'TP Bắc Giang',
      'Lạng Giang',
      'Việt Yên, Yên Thế',
      'Sơn Động, Lục Nam',
      'Lục Ngạn',
      'Hiệp Hòa',
      'Tân Yên, Yên Dũng',
    ]);
    const units = await sheetRows(xlsx.rawPayload, 1);
    expect(units[1].slice(1, 8)).toEqual([
      'Trường THPT Lục Nam',
      '16/01/2024',
      '13/01/2024',
      expect.any(String),
      'Đã kiểm tra',
      'Đạt',
      'Đạt',
    ]);

    const list = (await so.get(`/api/inspections?schoolYearId=${yearId}`)).json<InspectionView[]>();
    const lucNam = list.find((i) => i.targetName === 'Trường THPT Lục Nam') as InspectionView;
    const record = await so.get(`/api/inspections/${lucNam.id}/record.docx`);
    expect(record.statusCode).toBe(200);
    const r = pdfText(record.rawPayload, 'docx-bien-ban-kiem-tra');
    expect(r).toContain('SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẮC GIANG');
    expect(r).toContain('UBND TỈNH BẮC GIANG');
    expect(r).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(r).toContain('Bắc Giang, ngày 16 tháng 01 năm 2024');
    expect(r).toContain('BIÊN BẢN KIỂM TRA');
    expect(r).toContain('Đơn vị được kiểm tra: Trường THPT Lục Nam');
    expect(r).toContain('TT Nội dung kiểm tra Đánh giá Nhận xét');
    expect(r).toContain('Công tác xây dựng kế hoạch giáo dục năm học 2023-2024');
    expect(r).toContain('Công tác xây dựng xã hội học tập');
    expect(r.match(/Đạt một phần/g)).toHaveLength(2);
    expect(r).toContain('Chưa đạt');
    expect(r).toContain('II. NHẬN XÉT CHUNG');
    expect(r).toContain('III. KIẾN NGHỊ Bổ sung thiết bị dạy học môn Tiếng Anh');
    expect(r).toContain('TRƯỞNG ĐOÀN KIỂM TRA');
  });

  it('refuses the unit principal the Sở plan writes and other units the record', async () => {
    const list = (await so.get(`/api/inspections?schoolYearId=${yearId}`)).json<InspectionView[]>();
    expect(list.map((i) => i.targetName)).toEqual(['Trường THPT Lục Nam', 'Trường THPT Tân Yên số 1']);
    const principal = await t.client().login(BAC_GIANG_LOGINS.principal, 'lientruong2026');
    const own = (await principal.get(`/api/inspections?schoolYearId=${yearId}`)).json<InspectionView[]>();
    expect(own.map((i) => i.targetName)).toEqual(['Trường THPT Lục Nam']);
    const other = list.find((i) => i.targetName !== 'Trường THPT Lục Nam') as InspectionView;
    expect((await principal.get(`/api/inspections/${other.id}/record.docx`)).statusCode).toBe(403);
  });
});
