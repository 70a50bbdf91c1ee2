import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, STAFF_HEADER, upload, xlsxOf } from '../../../../tests/fixtures/imports/files';
import { buildImportWorld } from '../../../../tests/fixtures/imports/world';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';

// Finding 5 of issue 14: one big import froze the app. Small limits set through config keep these tests fast; the
// 1.7 M-row file with the real defaults is the resilience scenario's (scripts/resilience/scenarioImport.ts).
let t: TestApp;
let admin: TestClient;

async function jobCount() {
  const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from import_jobs`);
  return row.n;
}

function staffRows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => ['', `Người ${i}`, `n${i}@x.vn`, '', '', 'TTD-TOAN', 'Giáo viên', '']);
}

/** An XLSX whose one cell holds `bytes` of repeated text: a few KB zipped, far more once decompressed. */
async function bombXlsx(bytes: number, useSharedStrings: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(STAFF_HEADER);
  ws.addRow(['', 'a'.repeat(bytes), 'a@x.vn', '', '', 'TTD-TOAN', 'Giáo viên', '']);
  return Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings }));
}

beforeAll(async () => {
  t = await createTestApp({
    importMaxRows: 100,
    importMaxColumns: 20,
    importMaxCells: 1_000,
    importMaxUnzippedBytes: 512 * 1024,
    importMaxSharedStringsBytes: 256 * 1024,
  });
  const w = await buildImportWorld(t.db);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
});
afterAll(() => t.close());

describe('import limits, checked while reading, refused with a 413 naming the limit and the file', () => {
  it('refuses an XLSX with more rows than the limit, and no job is created', async () => {
    const before = await jobCount();
    const res = await upload(admin, 'staff', 'ca-tinh.xlsx', await xlsxOf(STAFF_HEADER, staffRows(500)));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('Tệp «ca-tinh.xlsx» vượt quá giới hạn 100 dòng dữ liệu mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn');
    expect(res.json().fields).toEqual([{ field: 'file', message: res.json().message }]);
    expect(await jobCount()).toBe(before);
  });

  it('refuses a CSV with more rows than the limit', async () => {
    const res = await upload(admin, 'staff', 'ca-tinh.csv', csvOf(STAFF_HEADER, staffRows(101)));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('«ca-tinh.csv» vượt quá giới hạn 100 dòng dữ liệu');
  });

  it('accepts a file exactly at the row limit', async () => {
    const res = await upload(admin, 'staff', 'du.csv', csvOf(STAFF_HEADER, staffRows(100)));
    expect(res.statusCode).toBe(202);
    expect(res.json().total).toBe(100);
  });

  it('refuses an XLSX that decompresses to more than the limit (a zip bomb), whatever its zipped size', async () => {
    const file = await bombXlsx(2 * 1_048_576, false);
    expect(file.length).toBeLessThan(64 * 1024);
    const res = await upload(admin, 'staff', 'bom.xlsx', file);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe(
      'Tệp «bom.xlsx» vượt quá giới hạn 512 KB dữ liệu sau khi giải nén mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn',
    );
  });

  it('refuses an XLSX whose shared strings are larger than their limit', async () => {
    const res = await upload(admin, 'staff', 'chuoi.xlsx', await bombXlsx(300 * 1024, true));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('«chuoi.xlsx» vượt quá giới hạn 256 KB chuỗi dùng chung');
  });

  it('refuses rows with more cells than the column limit, in CSV and XLSX', async () => {
    const wide = [...STAFF_HEADER, ...Array.from({ length: 30 }, (_, i) => `Cột thêm ${i}`)];
    const csv = await upload(admin, 'staff', 'rong.csv', csvOf(wide, [wide.map(() => 'x')]));
    expect(csv.statusCode).toBe(413);
    expect(csv.json().message).toContain('«rong.csv» vượt quá giới hạn 20 ô mỗi dòng');
    const xlsx = await upload(admin, 'staff', 'rong.xlsx', await xlsxOf(wide, [wide.map(() => 'x')]));
    expect(xlsx.statusCode).toBe(413);
    expect(xlsx.json().message).toContain('«rong.xlsx» vượt quá giới hạn 20 ô mỗi dòng');
  });

  it('refuses a file with more cells in all than the limit', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [...staffRows(1)[0], ...Array.from({ length: 10 }, () => `${i}`)]);
    const res = await upload(admin, 'staff', 'nhieu-o.csv', csvOf([...STAFF_HEADER, ...Array(10).fill('Khác')], rows));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('«nhieu-o.csv» vượt quá giới hạn 1.000 ô dữ liệu');
  });

  it('still refuses broken files with a 400 after the change (the parse runs in a worker)', async () => {
    const broken = await upload(admin, 'staff', 'hong.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toContain('«hong.xlsx»');
  });
});
