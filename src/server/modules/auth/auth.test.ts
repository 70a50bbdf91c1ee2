import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../../../tests/factories';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';

let t: TestApp;
let teacher: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 3 });
  const school = await buildOrg(t.db, { name: 'Trường THCS Hòa Phú' });
  teacher = await buildUser(t.db, {
    fullName: 'Lê Thị Mai',
    email: 'mai@hoaphu.edu.vn',
    positions: [{ orgId: school.id, position: 'teacher' }],
  });
  await buildUser(t.db, { email: 'khoa@hoaphu.edu.vn' }).then(async (u) => {
    const { setDisabled } = await import('../accounts/repo');
    await setDisabled(t.db, u.account.id, new Date());
  });
});
afterAll(() => t.close());

describe('log-in and sessions', () => {
  it('logs in, reads me, logs out', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: 'MAI@hoaphu.edu.vn', password: teacher.password });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/lt_session=[^;]+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = res.json();
    expect(me.fullName).toBe('Lê Thị Mai');
    expect(me.positions).toEqual([expect.objectContaining({ orgName: 'Trường THCS Hòa Phú', position: 'teacher' })]);
    c.csrf = me.csrfToken;
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a wrong password with a Vietnamese message, and a disabled account', async () => {
    const c = t.client();
    const bad = await c.post('/api/auth/login', { email: 'mai@hoaphu.edu.vn', password: 'sai-mat-khau' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().message).toBe('Email hoặc mật khẩu không đúng');
    const disabled = await c.post('/api/auth/login', { email: 'khoa@hoaphu.edu.vn', password: 'matkhau123' });
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('rate-limits repeated failures per e-mail, even with the right password afterwards', async () => {
    const c = t.client();
    await buildUser(t.db, { email: 'lan@hoaphu.edu.vn', password: 'dung-mat-khau' });
    for (let i = 0; i < 3; i++)
      expect((await c.post('/api/auth/login', { email: 'lan@hoaphu.edu.vn', password: 'x' })).statusCode).toBe(401);
    const limited = await c.post('/api/auth/login', { email: 'lan@hoaphu.edu.vn', password: 'dung-mat-khau' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/^Bạn đã đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút$/);
  });

  it('requires the CSRF token on writes of a logged-in session', async () => {
    const c = await t.client().login('mai@hoaphu.edu.vn', teacher.password);
    const res = await c.request(
      'POST',
      '/api/auth/change-password',
      { currentPassword: 'matkhau123', newPassword: 'matkhaumoi456' },
      { 'x-csrf-token': 'wrong' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
  });

  it('changes the password: the old one stops working, other sessions are closed', async () => {
    const u = await buildUser(t.db, { email: 'binh@hoaphu.edu.vn', password: 'cu-mat-khau-1' });
    const a = await t.client().login(u.email, 'cu-mat-khau-1');
    const b = await t.client().login(u.email, 'cu-mat-khau-1');
    const wrong = await a.post('/api/auth/change-password', { currentPassword: 'khong-dung', newPassword: 'moi-mat-khau-2' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
    const short = await a.post('/api/auth/change-password', { currentPassword: 'cu-mat-khau-1', newPassword: 'ngan' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0]).toEqual({ field: 'newPassword', message: '«Mật khẩu mới» phải có ít nhất 8 ký tự' });
    expect(
      (await a.post('/api/auth/change-password', { currentPassword: 'cu-mat-khau-1', newPassword: 'moi-mat-khau-2' })).statusCode,
    ).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: u.email, password: 'cu-mat-khau-1' })).statusCode).toBe(401);
    await t.client().login(u.email, 'moi-mat-khau-2');
  });

  it('answers 401 on private routes without a session', async () => {
    const res = await t.client().get('/api/orgs/tree');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Bạn cần đăng nhập để tiếp tục');
  });
});
