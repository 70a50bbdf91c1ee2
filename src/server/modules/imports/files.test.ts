import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, importFile, STAFF_HEADER, upload, xlsxOf } from '../../../../tests/fixtures/imports/files';
import { buildImportWorld } from '../../../../tests/fixtures/imports/world';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';
import { parseCsv } from './parse';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildImportWorld>>;
let admin: TestClient;
let principal: TestClient;

async function jobCount() {
  const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from import_jobs`);
  return row.n;
}

beforeAll(async () => {
  t = await createTestApp({ uploadLimitBytes: 2 * 1_048_576, importMaxRows: 20_000 });
  w = await buildImportWorld(t.db);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
  principal = await t.client().login(w.users.principal.email, w.users.principal.password);
});
afterAll(() => t.close());

describe('CSV parser', () => {
  it('handles quotes, escaped quotes, new lines in cells, both separators and a BOM', () => {
    expect(parseCsv('\uFEFFa;b;c\r\n"x;1";"he said ""hi""";"dòng\nhai"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x;1', 'he said "hi"', 'dòng\nhai'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('templates', () => {
  it('serves an XLSX template that parses back with the headers, examples and a "Hướng dẫn" sheet', async () => {
    const res = await principal.get('/api/imports/templates/staff?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('mau-nhap-can-bo.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      'Mã cán bộ',
      'Họ và tên*',
      'Email*',
      'Điện thoại',
      'Giới tính',
      'Mã đơn vị*',
      'Chức vụ*',
      'Môn giảng dạy',
      'Cấp dạy',
    ]);
    expect(wb.worksheets[0].rowCount).toBe(3);
    const help = wb.getWorksheet('Hướng dẫn');
    expect(help?.getRow(2).getCell(1).value).toBe('Mã cán bộ');
    expect(String(help?.getColumn(3).values.join(' '))).toContain('Giáo viên');
  });

  it('serves a CSV template with BOM, and the orgs template only to office staff and admins', async () => {
    const res = await admin.get('/api/imports/templates/orgs?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(res.body)[0]).toContain('Mã đơn vị cấp trên*');
    expect((await principal.get('/api/imports/templates/orgs?format=xlsx')).statusCode).toBe(403);
    expect((await t.client().get('/api/imports/templates/staff')).statusCode).toBe(401);
  });

  it('the orgs guide states the defaults of the validity columns with the date, and the allowed values of coded columns', async () => {
    const res = await admin.get('/api/imports/templates/orgs?format=xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Trực thuộc từ ngày', 'Hiệu lực từ ngày', 'Hiệu lực đến ngày']));
    const rows = Array.from(wb.getWorksheet('Hướng dẫn')?.getSheetValues() ?? [], (r) =>
      Array.isArray(r) ? Array.from(r.slice(1), (c) => c ?? '').join(' | ') : '',
    );
    // the world's school year 2025-2026 starts on 05/09/2025: an empty «Trực thuộc từ ngày» takes that day
    expect(rows.find((r) => r.startsWith('Mặc định') && r.includes('«Trực thuộc từ ngày» để trống'))).toContain('05/09/2025');
    for (const value of ['Loại đơn vị | Phòng GD&ĐT', 'Loại đơn vị | UBND xã/phường', 'Cấp học | THCS', 'Môn | Toán'])
      expect(rows.some((r) => r.replace(' |  | ', ' | ') === value)).toBe(true);
  });

  it('accepts its own XLSX template back (the example codes do not exist: row errors)', async () => {
    const res = await admin.get('/api/imports/templates/staff?format=xlsx');
    const job = await importFile(admin, 'staff', 'mau.xlsx', res.rawPayload);
    expect(job.status).toBe('failed');
    expect(job.errors[0].message).toBe('Dòng 2, cột «Mã đơn vị»: không có đơn vị mã "THCS-TTD-TOAN" trong hệ thống');
  });
});

describe('files refused before any job', () => {
  it('refuses a .txt, a fake .xlsx, a file without required columns and too many rows with a clear 4xx', async () => {
    const before = await jobCount();
    const txt = await upload(admin, 'staff', 'danh-sach.txt', Buffer.from('Họ và tên,Email\n'));
    expect(txt.statusCode).toBe(400);
    expect(txt.json().message).toBe('Tệp «danh-sach.txt» không được hỗ trợ: chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)');
    const fake = await upload(admin, 'staff', 'can-bo.xlsx', csvOf(STAFF_HEADER, []));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('Tệp «can-bo.xlsx» không phải tệp Excel (.xlsx) thật');
    const broken = await upload(admin, 'staff', 'hong.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toContain('«hong.xlsx»');
    const noColumns = await upload(admin, 'staff', 'thieu.csv', csvOf(['Họ và tên', 'Email'], [['A', 'a@b.vn']]));
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().message).toContain('thiếu cột bắt buộc: «Mã đơn vị», «Chức vụ»');
    const rows = Array.from({ length: 20_001 }, (_, i) => ['', `Người ${i}`, `n${i}@x.vn`, '', '', 'TTD-TOAN', 'Giáo viên', '']);
    const tooMany = await upload(admin, 'staff', 'lon.csv', csvOf(STAFF_HEADER, rows));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().message).toContain('«lon.csv» vượt quá giới hạn 20.000 dòng');
    const tooLarge = await upload(admin, 'staff', 'qua-lon.csv', Buffer.alloc(3 * 1_048_576, 'a'));
    expect(tooLarge.statusCode).toBe(413);
    expect(await jobCount()).toBe(before);
  });
});

describe('jobs', () => {
  it("answers 404 for an unknown job and 403 for another user's job", async () => {
    expect((await admin.get(`/api/imports/${randomUUID()}`)).statusCode).toBe(404);
    const res = await upload(
      principal,
      'staff',
      'a.xlsx',
      await xlsxOf(STAFF_HEADER, [['', 'Ngô Văn An', 'an@ttd.vn', '', '', 'TTD-TOAN', 'Giáo viên', '']]),
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'staff', fileName: 'a.xlsx', total: 1 });
    const officer = await t.client().login(w.users.officer.email, w.users.officer.password);
    expect((await officer.get(`/api/imports/${res.json().id}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/imports/${res.json().id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/imports/khong-phai-uuid')).statusCode).toBe(400);
  });

  it('reports a job abandoned by a stopped process as failed', async () => {
    const [row] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into import_jobs (kind, file_name, status, total, account_id, created_at)
          values ('staff', 'cu.xlsx', 'importing', 10, ${w.users.admin.account.id}, now() - interval '2 hours') returning id`,
    );
    const job = (await admin.get(`/api/imports/${row.id}`)).json();
    expect(job.status).toBe('failed');
    expect(job.errors[0].message).toContain('đã bị gián đoạn');
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = await admin.get('/api/docs/json');
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/imports', '/api/imports/{id}', '/api/imports/templates/{kind}']),
    );
  });
});
