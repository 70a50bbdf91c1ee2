import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, importFile, ORG_HEADER, xlsxOf } from '../../../../tests/fixtures/imports/files';
import { buildImportWorld } from '../../../../tests/fixtures/imports/world';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildImportWorld>>;
let officer: TestClient;
let admin: TestClient;

async function counts() {
  const [row] = await queryRows<{ orgs: number; links: number; audit: number }>(
    t.db,
    sql`select (select count(*)::int from orgs) as orgs, (select count(*)::int from org_links) as links,
        (select count(*)::int from audit_log) as audit`,
  );
  return row;
}

async function orgByCode(code: string) {
  const res = await admin.get(`/api/orgs/search?q=${encodeURIComponent(code)}`);
  const found = res.json().find((o: { code: string }) => o.code === code);
  return found ? (await admin.get(`/api/orgs/${found.id}`)).json() : undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildImportWorld(t.db);
  officer = await t.client().login(w.users.officer.email, w.users.officer.password);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
});
afterAll(() => t.close());

describe('orgs import', () => {
  it('imports a school whose parent is defined later in the same file, with its team', async () => {
    const rows = [
      ['TTD-VAN', 'Tổ Ngữ văn - Sử', 'Tổ chuyên môn', '', 'TH-PHD', '', '', '', '', 'Ngữ văn, Lịch sử'],
      [
        'TH-PHD',
        'Trường TH-THCS Phú Hòa Đông',
        'Trường',
        'TH, THCS',
        'XA-PHD',
        '01/07/2025',
        'Ấp 1',
        '0283 795 0001',
        'phd@hcm.edu.vn',
        '',
      ],
    ];
    const before = await counts();
    const job = await importFile(officer, 'orgs', 'don-vi.xlsx', await xlsxOf(ORG_HEADER, rows));
    expect(job.errors).toEqual([]);
    expect(job.summary).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const after = await counts();
    expect(after.orgs - before.orgs).toBe(2);
    expect(after.links - before.links).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    const school = await orgByCode('TH-PHD');
    expect(school).toMatchObject({ type: 'school', levels: ['primary', 'lower_secondary'], phone: '02837950001', email: 'phd@hcm.edu.vn' });
    expect(school.parent.code).toBe('XA-PHD');
    expect(school.parentHistory[0].validFrom).toBe('2025-07-01');
    const team = await orgByCode('TTD-VAN');
    expect(team.parent.code).toBe('TH-PHD');
    // its «Trực thuộc từ ngày» was left empty: the current school year's start, as the template's guide says
    expect(team.parentHistory[0].validFrom).toBe('2025-09-05');
    expect(team.subjects.map((s: { name: string }) => s.name)).toEqual(['Ngữ văn', 'Lịch sử']);

    const again = await importFile(officer, 'orgs', 'don-vi.xlsx', await xlsxOf(ORG_HEADER, rows));
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await counts()).toEqual(after);
  });

  it('reads a CSV with BOM, ";" separator, quotes and Vietnamese diacritics', async () => {
    const rows = [
      [
        'THCS-PHD2',
        'Trường THCS "Nguyễn Văn Trỗi"; cơ sở 2',
        'Trường',
        'THCS',
        'XA-PHD',
        '05/09/2024',
        'Ấp Bàu Trăn, xã Phú Hòa Đông',
        '',
        '',
        '',
      ],
    ];
    const job = await importFile(officer, 'orgs', 'don-vi.csv', csvOf(ORG_HEADER, rows, { sep: ';', bom: true }));
    expect(job.errors).toEqual([]);
    expect(job.summary).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const org = await orgByCode('THCS-PHD2');
    expect(org).toMatchObject({ name: 'Trường THCS "Nguyễn Văn Trỗi"; cơ sở 2', address: 'Ấp Bàu Trăn, xã Phú Hòa Đông' });
    const renamed = [[...rows[0]]];
    renamed[0][1] = 'Trường THCS Nguyễn Văn Trỗi';
    const job2 = await importFile(officer, 'orgs', 'don-vi.csv', csvOf(ORG_HEADER, renamed, { sep: ';', bom: true }));
    expect(job2.summary).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('lets an office officer import only inside their subtree', async () => {
    const before = await counts();
    const rows = [
      ['THCS-MOI', 'Trường THCS Mới', 'Trường', 'THCS', 'XA-PHD', '', '', '', '', ''],
      ['THCS-NGOAI', 'Trường THCS Ngoài', 'Trường', 'THCS', 'XA-ANT', '', '', '', '', ''],
      ['THCS-ANT', 'Trường THCS An Nhơn Tây (đổi tên)', 'Trường', 'THCS', 'XA-ANT', '', '', '', '', ''],
    ];
    const job = await importFile(officer, 'orgs', 'don-vi.xlsx', await xlsxOf(ORG_HEADER, rows));
    expect(job.status).toBe('failed');
    expect(job.errors.map((e) => e.message)).toEqual([
      'Dòng 3, cột «Mã đơn vị cấp trên»: bạn không có quyền tạo đơn vị trực thuộc "XA-ANT"',
      'Dòng 4, cột «Mã đơn vị»: bạn không có quyền sửa đơn vị "THCS-ANT"',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('validates types, levels, parents, dates, e-mails and duplicate codes', async () => {
    const rows = [
      ['A1', 'Trường A1', 'Bệnh viện', '', 'XA-PHD', '', '', '', '', ''],
      ['A2', 'Trường A2', 'Trường', '', 'XA-PHD', '31/02/2025', '', '', 'khong-phai-email', ''],
      ['A3', 'Tổ A3', 'Tổ chuyên môn', '', 'XA-PHD', '', '', '', '', ''],
      ['A4', 'Trường A4', 'Trường', 'THCS', 'KHONG-CO', '', '', '', '', ''],
      ['A4', 'Trường A4 lặp', 'Trường', 'THCS', 'XA-PHD', '', '', '', '', ''],
      ['THCS-TTD', 'Trường THCS Tân Thạnh Đông', 'Tổ chuyên môn', '', 'THCS-TTD', '', '', '', '', ''],
    ];
    const job = await importFile(admin, 'orgs', 'loi.xlsx', await xlsxOf(ORG_HEADER, rows));
    expect(job.status).toBe('failed');
    const m = job.errors.map((e) => e.message);
    expect(m).toContain(
      'Dòng 2, cột «Loại đơn vị»: "Bệnh viện" không phải loại đơn vị hợp lệ (Sở GD&ĐT; Phòng GD&ĐT; UBND xã/phường; Trường; Trung tâm GDNN-GDTX; Tổ chuyên môn)',
    );
    expect(m).toContain('Dòng 3, cột «Cấp học»: bắt buộc với trường học');
    expect(m).toContain('Dòng 3, cột «Trực thuộc từ ngày»: "31/02/2025" không phải ngày hợp lệ (dd/mm/yyyy)');
    expect(m).toContain('Dòng 3, cột «Email»: "khong-phai-email" không phải là địa chỉ email hợp lệ');
    expect(m).toContain('Dòng 4, cột «Mã đơn vị cấp trên»: Tổ chuyên môn không thể trực thuộc UBND xã/phường ("XA-PHD")');
    expect(m).toContain('Dòng 5, cột «Mã đơn vị cấp trên»: không có đơn vị mã "KHONG-CO" trong hệ thống hoặc trong tệp');
    expect(m).toContain('Dòng 6, cột «Mã đơn vị»: mã "A4" trùng với dòng 5');
    expect(m).toContain('Dòng 7, cột «Mã đơn vị cấp trên»: đơn vị không thể trực thuộc chính nó');
  });

  it('moves an existing school to a new parent from a date, keeping history', async () => {
    const rows = [['THCS-ANT', 'Trường THCS An Nhơn Tây', 'Trường', 'THCS', 'XA-PHD', '01/08/2025', '', '', '', '']];
    const job = await importFile(admin, 'orgs', 'chuyen.xlsx', await xlsxOf(ORG_HEADER, rows));
    expect(job.errors).toEqual([]);
    expect(job.summary).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const org = await orgByCode('THCS-ANT');
    expect(org.parent.code).toBe('XA-PHD');
    expect(org.parentHistory.map((h: { validTo: string | null }) => h.validTo)).toEqual(['2025-07-31', null]);
  });
});
