import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/server/lib/tx';
import * as orgsRepo from '../../src/server/modules/orgs/repo';
import { tableCounts } from '../helpers/counts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';
import { buildWorld, type World } from '../helpers/world';

/** Bad input gets a 4xx with a Vietnamese message naming the field, and the database stays exactly as it was. */
let t: TestApp;
let w: World;
let admin: TestClient;
let before: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 64 * 1024 });
  w = await buildWorld(t.db);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
});
afterAll(() => t.close());
beforeEach(async () => {
  before = await tableCounts(t.db);
});

async function expectUnchanged() {
  expect(await tableCounts(t.db)).toEqual(before);
}

const validOrg = () => ({
  code: 'THCS-MOI',
  name: 'Trường THCS Mới',
  type: 'school',
  levels: ['lower_secondary'],
  parentId: w.orgs.commune1.id,
});

describe('bad input', () => {
  it('malformed JSON → 400 in Vietnamese', async () => {
    const res = await admin.request('POST', '/api/orgs', '{"code": "A", "name": ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_JSON', message: 'Dữ liệu gửi lên không phải JSON hợp lệ' });
    await expectUnchanged();
  });

  it('a missing field is named', async () => {
    const { name: _omit, ...body } = validOrg();
    const res = await admin.post('/api/orgs', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'name', message: '«Tên» là bắt buộc' }]);
    expect(res.json().message).toBe('«Tên» là bắt buộc');
    await expectUnchanged();
  });

  it('wrong types and values are named', async () => {
    const res = await admin.post('/api/orgs', { ...validOrg(), type: 'university', email: 'khong-phai-email', levels: 'THCS' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as Array<{ field: string; message: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['email', 'levels', 'type']);
    expect(fields.find((f) => f.field === 'email')?.message).toBe('«Email» phải là địa chỉ email hợp lệ');
    expect(fields.find((f) => f.field === 'type')?.message).toMatch(/^«Loại đơn vị» phải là một trong các giá trị: province_department/);
    expect(fields.find((f) => f.field === 'levels')?.message).toBe('«Cấp học» không đúng kiểu dữ liệu');
    await expectUnchanged();
  });

  it('an empty name is refused', async () => {
    const res = await admin.post('/api/orgs', { ...validOrg(), name: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'name', message: '«Tên» không được để trống' }]);
    await expectUnchanged();
  });

  it('an oversized body → 413', async () => {
    const res = await admin.post('/api/orgs', { ...validOrg(), address: 'x'.repeat(100 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('Dữ liệu gửi lên quá lớn');
    await expectUnchanged();
  });

  it('a duplicate org code → 409 naming the field', async () => {
    const res = await admin.post('/api/orgs', { ...validOrg(), code: 'THCS-TTD' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'DUPLICATE',
      message: 'Mã đã tồn tại',
      fields: [{ field: 'code', message: 'Mã đã tồn tại' }],
    });
    await expectUnchanged();
  });

  it('a duplicate e-mail of a person → 409 naming the field', async () => {
    const res = await admin.post('/api/people', {
      fullName: 'Trùng Email',
      email: 'GV1@tn.vn',
      positions: [{ orgId: w.orgs.team1.id, position: 'teacher' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields).toEqual([{ field: 'email', message: 'Email đã tồn tại' }]);
    await expectUnchanged();
  });

  it('dates out of order are named (school year, terms, validity)', async () => {
    const year = await admin.post('/api/school-years', {
      code: '2031-2032',
      startDate: '2032-05-31',
      endDate: '2031-09-05',
      terms: [
        { number: 1, startDate: '2031-09-05', endDate: '2031-08-01' },
        { number: 2, startDate: '2032-01-18', endDate: '2032-05-31' },
      ],
    });
    expect(year.statusCode).toBe(400);
    const fields = year.json().fields as Array<{ field: string; message: string }>;
    expect(fields).toContainEqual({ field: 'endDate', message: 'Ngày kết thúc năm học phải sau ngày bắt đầu' });
    expect(fields).toContainEqual({ field: 'terms.0.endDate', message: 'Học kỳ 1: ngày kết thúc phải sau ngày bắt đầu' });
    const org = await admin.post('/api/orgs', { ...validOrg(), validFrom: '2025-09-01', validTo: '2025-01-01' });
    expect(org.statusCode).toBe(400);
    expect(org.json().fields).toEqual([{ field: 'validTo', message: 'Ngày kết thúc hiệu lực phải sau ngày bắt đầu hiệu lực' }]);
    const person = await admin.post('/api/people', {
      fullName: 'Ngày Sai',
      positions: [{ orgId: w.orgs.team1.id, position: 'teacher', validFrom: '2025-09-01', validTo: '2024-01-01' }],
    });
    expect(person.statusCode).toBe(400);
    expect(person.json().fields).toEqual([
      { field: 'positions.0.validTo', message: 'Ngày kết thúc hiệu lực phải sau ngày bắt đầu hiệu lực' },
    ]);
    const invalidDate = await admin.post('/api/orgs', { ...validOrg(), validFrom: '2025-02-30' });
    expect(invalidDate.statusCode).toBe(400);
    expect(invalidDate.json().fields).toEqual([
      { field: 'validFrom', message: '«Ngày bắt đầu hiệu lực» phải là ngày hợp lệ (năm-tháng-ngày)' },
    ]);
    await expectUnchanged();
  });

  it('domain rules are named: wrong parent type, wrong position for the org, network leader outside rules', async () => {
    const team = await admin.post('/api/orgs', { ...validOrg(), parentId: w.orgs.team1.id });
    expect(team.statusCode).toBe(400);
    expect(team.json().fields).toEqual([{ field: 'parentId', message: 'Trường không thể trực thuộc Tổ chuyên môn' }]);
    const pos = await admin.post('/api/people', {
      fullName: 'Sai Chức Vụ',
      positions: [{ orgId: w.orgs.school1.id, position: 'team_head' }],
    });
    expect(pos.statusCode).toBe(400);
    expect(pos.json().fields).toEqual([{ field: 'positions.0.position', message: 'Chức vụ «Tổ trưởng» không dùng cho Trường' }]);
    const net = await admin.post('/api/networks', {
      kind: 'cluster',
      name: 'Cụm thiếu trưởng',
      schoolYearId: w.year.id,
      supervisingOrgId: w.orgs.commune1.id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.school1b.id],
      leadOrgId: w.orgs.school2.id,
    });
    expect(net.statusCode).toBe(400);
    expect(net.json().fields).toEqual(
      expect.arrayContaining([
        { field: 'leadOrgId', message: 'Đơn vị nhóm trưởng phải là thành viên của mạng lưới' },
        { field: 'leaders', message: 'Cụm chuyên môn cần có cụm trưởng' },
      ]),
    );
    const members = await admin.post('/api/networks', {
      kind: 'school_group',
      name: 'Nhóm có tổ',
      schoolYearId: w.year.id,
      supervisingOrgId: w.orgs.commune1.id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.team1.id],
    });
    expect(members.statusCode).toBe(400);
    expect(members.json().fields).toEqual([{ field: 'memberOrgIds', message: '«Tổ Toán - Tin» không phải là trường hoặc trung tâm' }]);
    await expectUnchanged();
  });

  it('unknown ids → 404 in Vietnamese; a malformed id → 400', async () => {
    const missing = await admin.get('/api/orgs/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('Không tìm thấy đơn vị');
    const malformed = await admin.get('/api/orgs/abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields[0].field).toBe('id');
  });

  it('a failure inside a service call rolls back every write of that call', async () => {
    await expect(
      inTransaction({ database: t.database, config: t.config, mailer: { send: async () => undefined } }, async (tx) => {
        await orgsRepo.insert(tx, { code: 'ROLLBACK-1', name: 'Sẽ bị hủy', type: 'school', levels: ['primary'] });
        throw new Error('boom after the first write');
      }),
    ).rejects.toThrow('boom');
    expect(await orgsRepo.findByCode(t.db, 'ROLLBACK-1')).toBeUndefined();
    await expectUnchanged();
  });
});
