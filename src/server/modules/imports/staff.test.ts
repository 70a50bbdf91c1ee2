import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../../tests/factories';
import { importFile, STAFF_HEADER, upload, xlsxOf } from '../../../../tests/fixtures/imports/files';
import { buildImportWorld } from '../../../../tests/fixtures/imports/world';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildImportWorld>>;
let principal: TestClient;

async function counts() {
  const [row] = await queryRows<{ people: number; memberships: number; audit: number; subjects: number }>(
    t.db,
    sql`select (select count(*)::int from people) as people, (select count(*)::int from memberships) as memberships,
        (select count(*)::int from audit_log) as audit, (select count(*)::int from person_subjects) as subjects`,
  );
  return row;
}

const goodRows = [
  ['GV-101', 'Nguyễn Thị Hồng Nhung', 'nhung@ttd.edu.vn', '0912345678', 'Nữ', 'TTD-TOAN', 'Tổ trưởng', 'Toán, Tin học'],
  ['GV-101', 'Nguyễn Thị Hồng Nhung', 'nhung@ttd.edu.vn', '', '', 'TTD-TOAN', 'Giáo viên', ''],
  ['GV-102', 'Trần Văn Đức', 'duc@ttd.edu.vn', '0987654321', 'Nam', 'THCS-TTD', 'Phó hiệu trưởng', 'Ngữ văn'],
  ['', 'Lê Quốc Việt', 'viet@ttd.edu.vn', '', 'nam', 'TTD-TOAN', 'teacher', 'toan'],
];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildImportWorld(t.db);
  principal = await t.client().login(w.users.principal.email, w.users.principal.password);
});
afterAll(() => t.close());

describe('staff import', () => {
  it('refuses a file with one bad row, naming row and column in Vietnamese, and writes nothing', async () => {
    const before = await counts();
    const rows = goodRows.map((r) => [...r]);
    rows[2][2] = 'abc';
    const job = await importFile(principal, 'staff', 'can-bo.xlsx', await xlsxOf(STAFF_HEADER, rows));
    expect(job.status).toBe('failed');
    expect(job.total).toBe(4);
    expect(job.summary).toBeNull();
    expect(job.errors).toEqual([{ row: 4, field: 'Email', message: 'Dòng 4, cột «Email»: "abc" không phải là địa chỉ email hợp lệ' }]);
    expect(await counts()).toEqual(before);
  });

  it('reports every problem of every row at once', async () => {
    const rows = [
      ['X1', '', 'a@b.vn', '12', 'Khác', 'KHONG-CO', 'Giáo viên', 'Thiên văn'],
      ['X2', 'Phạm Văn Bình', 'binh@ttd.edu.vn', '', '', 'THCS-TTD', 'Tổ trưởng', ''],
      ['X3', 'Phạm Văn Bình', 'binh@ttd.edu.vn', '', '', 'THCS-TTD', 'Tổ trưởng', ''],
    ];
    const job = await importFile(principal, 'staff', 'loi.xlsx', await xlsxOf(STAFF_HEADER, rows));
    expect(job.status).toBe('failed');
    const messages = job.errors.map((e) => e.message);
    expect(messages).toContain('Dòng 2, cột «Họ và tên»: không được để trống');
    expect(messages).toContain('Dòng 2, cột «Điện thoại»: "12" không phải số điện thoại hợp lệ');
    expect(messages).toContain('Dòng 2, cột «Giới tính»: "Khác" không hợp lệ (Nam hoặc Nữ)');
    expect(messages).toContain('Dòng 2, cột «Môn giảng dạy»: không có môn "Thiên văn"');
    expect(messages.some((m) => m.startsWith('Dòng 3, cột «Chức vụ»: chức vụ «Tổ trưởng» không dùng cho Trường'))).toBe(true);
    expect(messages.some((m) => m.startsWith('Dòng 4, cột «Chức vụ»: cán bộ "binh@ttd.edu.vn" đã có chức vụ này'))).toBe(true);
  });

  it('imports the fixed file, searchable without diacritics', async () => {
    const before = await counts();
    const job = await importFile(principal, 'staff', 'can-bo.xlsx', await xlsxOf(STAFF_HEADER, goodRows));
    expect(job.errors).toEqual([]);
    expect(job.status).toBe('done');
    expect(job.processed).toBe(4);
    expect(job.summary).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const after = await counts();
    expect(after.people - before.people).toBe(3);
    expect(after.memberships - before.memberships).toBe(4);
    expect(after.audit - before.audit).toBe(3);
    const found = await principal.get('/api/people?q=hong%20nhung');
    expect(found.statusCode).toBe(200);
    const nhung = found.json().items;
    expect(nhung).toHaveLength(1);
    expect(nhung[0]).toMatchObject({ code: 'GV-101', fullName: 'Nguyễn Thị Hồng Nhung', phone: '0912345678' });
    expect(nhung[0].positions.map((p: { position: string }) => p.position).sort()).toEqual(['teacher', 'team_head']);
    expect(nhung[0].subjects.map((s: { name: string }) => s.name)).toEqual(['Toán', 'Tin học']);
    const viet = (await principal.get('/api/people?q=le%20quoc%20viet')).json().items;
    expect(viet[0]).toMatchObject({ fullName: 'Lê Quốc Việt', code: null });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const job = await importFile(principal, 'staff', 'can-bo.xlsx', await xlsxOf(STAFF_HEADER, goodRows));
    expect(job.summary).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(before);
  });

  it('updates only the person whose phone changed', async () => {
    const rows = goodRows.map((r) => [...r]);
    rows[2][3] = '0987000111';
    const before = await counts();
    const job = await importFile(principal, 'staff', 'can-bo.xlsx', await xlsxOf(STAFF_HEADER, rows));
    expect(job.summary).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const after = await counts();
    expect(after.audit - before.audit).toBe(1);
    expect(after.people).toBe(before.people);
    const duc = (await principal.get('/api/people?q=tran%20van%20duc')).json().items[0];
    expect(duc.phone).toBe('0987000111');
  });

  it('adds a new position without removing the others', async () => {
    const job = await importFile(
      principal,
      'staff',
      'them.xlsx',
      await xlsxOf(STAFF_HEADER, [['', 'Trần Văn Đức', 'DUC@ttd.edu.vn', '', '', 'TTD-TOAN', 'Giáo viên', '']]),
    );
    expect(job.summary).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const duc = (await principal.get('/api/people?q=tran%20van%20duc')).json().items[0];
    expect(duc.positions.map((p: { position: string }) => p.position).sort()).toEqual(['teacher', 'vice_principal']);
    expect(duc.subjects.map((s: { name: string }) => s.name)).toEqual(['Ngữ văn']);
  });

  it('treats the same phone number written differently as unchanged', async () => {
    await buildPerson(t.db, {
      code: null,
      fullName: 'Mai Văn Sáu',
      email: 'sau@ttd.edu.vn',
      phone: '0912 000 111',
      positions: [{ orgId: w.orgs.school1.id, position: 'teacher' }],
    });
    const job = await importFile(
      principal,
      'staff',
      'sau.xlsx',
      await xlsxOf(STAFF_HEADER, [['', 'Mai Văn Sáu', 'Sau@TTD.edu.vn', '0912.000.111', '', 'THCS-TTD', 'Giáo viên', '']]),
    );
    expect(job.summary).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('gives a principal row errors for staff of another school, and writes nothing', async () => {
    const before = await counts();
    const rows = [
      ['', 'Võ Thị Lan', 'lan@ttd.edu.vn', '', '', 'THCS-TTD', 'Giáo viên', ''],
      ['', 'Đỗ Minh Khoa', 'khoa@ant.edu.vn', '', '', 'ANT-VAN', 'Giáo viên', 'Ngữ văn'],
    ];
    const job = await importFile(principal, 'staff', 'khac-truong.xlsx', await xlsxOf(STAFF_HEADER, rows));
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      {
        row: 3,
        field: 'Mã đơn vị',
        message: 'Dòng 3, cột «Mã đơn vị»: bạn không có quyền quản lý cán bộ của đơn vị "ANT-VAN" (Tổ Ngữ văn)',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reads «Cấp dạy» (TH, THCS, …), refuses an unknown level, and keeps the stored levels when the cell is empty', async () => {
    const header = [...STAFF_HEADER, 'Cấp dạy'];
    const row = (levels: string) => ['', 'Phan Thị Thu', 'thu@ttd.edu.vn', '', '', 'TTD-TOAN', 'Giáo viên', 'Toán', levels];
    const levelsOfThu = async () =>
      (await queryRows<{ l: string[] }>(t.db, sql`select teaching_levels::text[] as l from people where email = 'thu@ttd.edu.vn'`))[0]?.l;
    const bad = await importFile(principal, 'staff', 'cap.xlsx', await xlsxOf(header, [row('Đại học')]));
    expect(bad.errors.map((e) => e.message)).toEqual([
      'Dòng 2, cột «Cấp dạy»: "Đại học" không phải cấp học hợp lệ (TH, THCS, THPT, Mầm non)',
    ]);
    expect(await levelsOfThu()).toBeUndefined();
    const job = await importFile(principal, 'staff', 'cap.xlsx', await xlsxOf(header, [row('THCS, TH')]));
    expect(job.summary).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await levelsOfThu()).toEqual(['primary', 'lower_secondary']);
    const again = await importFile(principal, 'staff', 'cap.xlsx', await xlsxOf(header, [row('')]));
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await levelsOfThu()).toEqual(['primary', 'lower_secondary']);
    const changed = await importFile(principal, 'staff', 'cap.xlsx', await xlsxOf(header, [row('THCS')]));
    expect(changed.summary).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await levelsOfThu()).toEqual(['lower_secondary']);
  });

  it('refuses a teacher with 403 and no job', async () => {
    const teacher = await t.client().login(w.users.teacher.email, w.users.teacher.password);
    const res = await upload(teacher, 'staff', 'can-bo.xlsx', await xlsxOf(STAFF_HEADER, goodRows));
    expect(res.statusCode).toBe(403);
    expect((await teacher.get('/api/imports/templates/staff')).statusCode).toBe(403);
  });
});
