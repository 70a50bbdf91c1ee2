import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUser } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

let t: TestApp;
let admin: TestClient;
let adminAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { isAdmin: true, email: 'admin@acc.vn' });
  adminAccountId = u.account.id;
  admin = await t.client().login(u.email, u.password);
});
afterAll(() => t.close());

describe('accounts', () => {
  it('an admin creates an account, disables it (its sessions end), enables it again', async () => {
    const person = await buildPerson(t.db, { fullName: 'Phạm Minh Tuấn', email: 'tuan@acc.vn' });
    const created = await admin.post('/api/accounts', { personId: person.id, email: 'Tuan@acc.vn', password: 'mat-khau-dai-1' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ fullName: 'Phạm Minh Tuấn', email: 'tuan@acc.vn', isAdmin: false, disabledAt: null });
    const user = await t.client().login('tuan@acc.vn', 'mat-khau-dai-1');
    const dup = await admin.post('/api/accounts', { personId: person.id, email: 'khac@acc.vn', password: 'mat-khau-dai-1' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields).toEqual([{ field: 'personId', message: 'Người này đã có tài khoản' }]);

    const disabled = await admin.post(`/api/accounts/${created.json().id}/disable`);
    expect(disabled.json().disabledAt).not.toBeNull();
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: 'tuan@acc.vn', password: 'mat-khau-dai-1' })).statusCode).toBe(403);
    await admin.post(`/api/accounts/${created.json().id}/enable`);
    await t.client().login('tuan@acc.vn', 'mat-khau-dai-1');
    const list = (await admin.get('/api/accounts')).json();
    expect(list.map((a: { email: string }) => a.email)).toEqual(expect.arrayContaining(['admin@acc.vn', 'tuan@acc.vn']));
  });

  it('an admin cannot lock themselves out', async () => {
    const res = await admin.post(`/api/accounts/${adminAccountId}/disable`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Không thể tự khóa tài khoản của chính mình');
  });
});
