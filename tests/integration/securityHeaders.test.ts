import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { buildMeeting, buildOrg, buildSchoolYear, buildUser } from '../factories';
import { tableCounts } from '../helpers/counts';
import { multipartWithFields } from '../helpers/materialsWorld';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

const dataDir = path.join(tmpdir(), `lt-sec-${process.pid}-${Date.now()}`);
/**
 * Security of the HTTP surface: headers on JSON, HTML and file downloads; the session cookie's flags (Secure when
 * SECURE_COOKIES=true); CSRF on writes; the log-in rate limit per e-mail and per address, and how it lifts. The basics
 * already tested elsewhere (auth.test.ts: HttpOnly + SameSite on log-in, a wrong CSRF token, the per-e-mail limit;
 * health.test.ts: headers on an unknown API path) are not repeated.
 */
let t: TestApp;
let principal: Awaited<ReturnType<typeof buildUser>>;
let meetingId: string;
let schoolId: string;
let yearId: string;
let c: TestClient;

const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

beforeAll(async () => {
  // As behind the shipped nginx (TRUST_PROXY=127.0.0.1): inject's peer is 127.0.0.1, so X-Forwarded-For names the client.
  t = await createTestApp({ loginMaxFailures: 3, dataDir, trustProxy: '127.0.0.1' });
  const school = await buildOrg(t.db, { name: 'Trường THCS Tân Thạnh Đông', type: 'school', levels: ['lower_secondary'] });
  principal = await buildUser(t.db, { email: 'ht@ttd.edu.vn', positions: [{ orgId: school.id, position: 'principal' }] });
  const year = await buildSchoolYear(t.db, { code: '2026-2027' });
  schoolId = school.id;
  yearId = year.id;
  meetingId = (await buildMeeting(t.db, { hostOrgId: school.id, schoolYearId: year.id, chairPersonId: principal.person.id })).id;
  c = await t.client().login(principal.email, principal.password);
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

function expectCommonHeaders(h: Record<string, unknown>) {
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('same-origin');
  expect(h['x-request-id']).toBeTruthy();
}

describe('security headers', () => {
  it('JSON answers: CSP, no caching of API data, no framing', async () => {
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expectCommonHeaders(res.headers);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['cache-control']).toBe('no-store');
    const refused = await t.client().get('/api/auth/me');
    expect(refused.statusCode).toBe(401);
    expectCommonHeaders(refused.headers);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('HTML served by the API (printable schedule) and by the web app carries the CSP', async () => {
    const html = await c.get(`/api/exports/schedule.html?orgId=${schoolId}&schoolYearId=${yearId}`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expectCommonHeaders(html.headers);
    expect(html.headers['content-security-policy']).toBe(CSP);
    const spa = await t.client().get('/cuoc-hop');
    if (spa.statusCode === 200) {
      // Only when the web app is built (dist/web): the SPA fallback is HTML with the same policy.
      expect(spa.headers['content-type']).toMatch(/^text\/html/);
      expect(spa.headers['content-security-policy']).toBe(CSP);
      expectCommonHeaders(spa.headers);
    }
  });

  it('file downloads: attachment disposition, nosniff, CSP, no caching', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32), Buffer.from('\n%%EOF\n')]);
    const { body, headers } = multipartWithFields({}, 'ke-hoach.pdf', pdf);
    const up = await c.request('POST', `/api/meetings/${meetingId}/attachments`, body, headers);
    expect(up.statusCode).toBe(201);
    const file = await c.get(`/api/attachments/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expectCommonHeaders(file.headers);
    expect(file.headers['content-security-policy']).toBe(CSP);
    expect(file.headers['cache-control']).toBe('no-store');
    const docx = await c.get(`/api/exports/minutes/${meetingId}.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/^attachment;/);
    expectCommonHeaders(docx.headers);
  });

  it('the API documentation pages keep the framing and sniffing protections (their own scripts need no CSP)', async () => {
    const res = await t.client().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expectCommonHeaders(res.headers);
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it('router refusals (an over-long path parameter) answer in Vietnamese with the same headers', async () => {
    const res = await c.request('DELETE', `/api/meetings/${'x'.repeat(300)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ', fields: [] });
    expectCommonHeaders(res.headers);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, expiring, and not Secure by default; log-out clears it', async () => {
    const res = await t.client().post('/api/auth/login', { email: principal.email, password: principal.password });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lt_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Expires=/);
    expect(cookie).not.toMatch(/; Secure/i);
    const session = t.client();
    session.cookie = cookie.split(';')[0];
    session.csrf = res.json().csrfToken;
    const out = await session.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^lt_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('is Secure when SECURE_COOKIES=true', async () => {
    const secure = await createTestApp({ secureCookies: true });
    try {
      const u = await buildUser(secure.db, { email: 'gv@hoaphu.edu.vn' });
      const res = await secure.client().post('/api/auth/login', { email: u.email, password: u.password });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    } finally {
      await secure.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a write without the token or with another session’s token, accepts the right one, and GETs need none', async () => {
    const other = await t.client().login(principal.email, principal.password);
    const before = await tableCounts(t.db);
    const url = `/api/meetings/${meetingId}/cancel`;
    const missing = await c.request('POST', url, { reason: 'Trùng lịch' }, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF', message: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang' });
    const foreign = await c.request('POST', url, { reason: 'Trùng lịch' }, { 'x-csrf-token': other.csrf as string });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('CSRF');
    const del = await c.request('DELETE', `/api/meetings/${meetingId}`, undefined, { 'x-csrf-token': 'sai' });
    expect(del.statusCode).toBe(403);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await c.get(`/api/meetings/${meetingId}`)).statusCode).toBe(200);
    const ok = await c.request('POST', url, { reason: 'Trùng lịch' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('cancelled');
  });
});

describe('log-in rate limit', () => {
  const fail = (email: string, ip = '203.0.113.7') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': ip },
      payload: { email, password: 'sai-mat-khau' },
    });
  const login = (email: string, password: string, ip = '203.0.113.7') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': ip }, payload: { email, password } });

  it('a successful log-in before the limit clears the count of failures of that e-mail', async () => {
    const u = await buildUser(t.db, { email: 'lan@ttd.edu.vn', password: 'dung-mat-khau' });
    for (let i = 0; i < 2; i++) expect((await fail(u.email, '198.51.100.1')).statusCode).toBe(401);
    expect((await login(u.email, 'dung-mat-khau', '198.51.100.1')).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await fail(u.email, '198.51.100.1')).statusCode).toBe(401);
    expect((await login(u.email, 'dung-mat-khau', '198.51.100.1')).statusCode).toBe(200);
  });

  it('lifts when the window has passed, and says how many minutes to wait', async () => {
    const u = await buildUser(t.db, { email: 'hoa@ttd.edu.vn', password: 'dung-mat-khau' });
    for (let i = 0; i < 3; i++) expect((await fail(u.email, '198.51.100.2')).statusCode).toBe(401);
    const limited = await login(u.email, 'dung-mat-khau', '198.51.100.2');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'LOGIN_RATE_LIMITED',
      message: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút',
    });
    // The failures age past the 15-minute window (moved back in the table rather than waiting).
    await t.db.execute(
      sql`update login_attempts set at = at - interval '16 minutes' where key in ('email:hoa@ttd.edu.vn', 'ip:198.51.100.2')`,
    );
    expect((await login(u.email, 'dung-mat-khau', '198.51.100.2')).statusCode).toBe(200);
  });

  it('limits one address trying many e-mails (4 × the per-e-mail limit), not other addresses', async () => {
    const ip = '192.0.2.99';
    for (let i = 0; i < 12; i++) expect((await fail(`khong-co-${i}@ttd.edu.vn`, ip)).statusCode).toBe(401);
    const u = await buildUser(t.db, { email: 'minh@ttd.edu.vn', password: 'dung-mat-khau' });
    const limited = await login(u.email, 'dung-mat-khau', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/^Bạn đã đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút$/);
    expect((await login(u.email, 'dung-mat-khau', '192.0.2.100')).statusCode).toBe(200);
  });
});

describe('X-Forwarded-For without TRUST_PROXY', () => {
  it('is ignored: forged addresses neither escape the per-address limit nor reach the session record', async () => {
    const direct = await createTestApp({ loginMaxFailures: 3 });
    try {
      const u = await buildUser(direct.db, { email: 'thu@ttd.edu.vn', password: 'dung-mat-khau' });
      const attempt = (email: string, password: string, ip: string) =>
        direct.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': ip }, payload: { email, password } });
      // 12 failures on 12 e-mails, each from a different forged address: all count against the one real peer.
      for (let i = 0; i < 12; i++) expect((await attempt(`khong-co-${i}@ttd.edu.vn`, 'sai', `203.0.113.${i + 1}`)).statusCode).toBe(401);
      const limited = await attempt(u.email, 'dung-mat-khau', '198.51.100.50');
      expect(limited.statusCode).toBe(429);
      await direct.db.execute(sql`delete from login_attempts`);
      expect((await attempt(u.email, 'dung-mat-khau', '198.51.100.51')).statusCode).toBe(200);
      const ips = await queryRows<{ ip: string | null }>(direct.db, sql`select ip from auth_sessions`);
      expect(ips).toEqual([{ ip: '127.0.0.1' }]);
    } finally {
      await direct.close();
    }
  });
});
