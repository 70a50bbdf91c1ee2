import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../helpers/counts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';
import { buildWorld, type World } from '../helpers/world';

/**
 * Text PostgreSQL cannot store or that a lone UTF-16 half would garble — a NUL byte, a lone surrogate — is refused with a
 * 400 naming the field, in every string of every request (body, query, path), before any handler or database sees it.
 */
let t: TestApp;
let w: World;
let admin: TestClient;
let before: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
});
afterAll(() => t.close());
beforeEach(async () => {
  before = await tableCounts(t.db);
});

const org = (name: string) => ({ code: 'THCS-NUL', name, type: 'school', levels: ['lower_secondary'], parentId: w.orgs.commune1.id });

describe('NUL bytes and lone surrogates', () => {
  it('a NUL byte in the log-in e-mail → 400 naming «Email»', async () => {
    const res = await t.client().post('/api/auth/login', { email: 'a\u0000@b.vn', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'email', message: '«Email» chứa ký tự không hợp lệ' }] });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('a NUL byte in a name → 400 naming the field; nothing written', async () => {
    const res = await admin.post('/api/orgs', org('Trường\u0000 THCS'));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'name', message: '«Tên» chứa ký tự không hợp lệ' }]);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('a lone surrogate in a name → 400, not stored as U+FFFD', async () => {
    // The JSON escape \ud800 (a high surrogate with no low one after it) parses to a lone surrogate.
    const raw = JSON.stringify(org('Trường X THCS')).replace('X', '\\ud800');
    expect(raw).toContain('\\ud800 THCS');
    const res = await admin.request('POST', '/api/orgs', raw, {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'name', message: '«Tên» chứa ký tự không hợp lệ' }]);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('a NUL byte in a nested string names its path', async () => {
    const res = await admin.post('/api/orgs', { ...org('Trường THCS Mới'), levels: ['lower\u0000secondary'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'levels.0', message: '«Cấp học (mục 1)» chứa ký tự không hợp lệ' }]);
  });

  it.each(['/api/people?q=a%00b', '/api/orgs/search?q=%00', '/api/materials?q=x%00'])('a NUL byte in a search: %s → 400', async (url) => {
    const res = await admin.get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'q', message: '«Từ khóa» chứa ký tự không hợp lệ' }]);
  });

  it('a NUL byte in a path parameter → 400', async () => {
    const res = await admin.get('/api/orgs/%00');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });

  it('ordinary Vietnamese text, emoji (surrogate pairs) and line breaks pass', async () => {
    const res = await admin.post('/api/orgs', { ...org('Trường THCS Nguyễn Du 📚\nCơ sở 2'), code: 'THCS-EMOJI' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Trường THCS Nguyễn Du 📚\nCơ sở 2');
  });
});

describe('characters XML cannot carry (they would make the DOCX/XLSX unopenable)', () => {
  it.each([
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
    ['a vertical tab', '\u000B'],
    ['an escape', '\u001B'],
  ])('%s in a name → 400 naming the field', async (_what, ch) => {
    const res = await admin.post('/api/orgs', org(`Trường${ch} THCS`));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'name', message: '«Tên» chứa ký tự không hợp lệ' }]);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('date fields', () => {
  it('an impossible date in the meetings filter names «Từ ngày», not another feature’s label', async () => {
    const res = await admin.get('/api/meetings?from=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'from', message: '«Từ ngày» phải là ngày hợp lệ (năm-tháng-ngày)' }]);
    const to = await admin.get('/api/meetings?to=2026-13-01');
    expect(to.json().fields).toEqual([{ field: 'to', message: '«Đến ngày» phải là ngày hợp lệ (năm-tháng-ngày)' }]);
  });

  it('the lesson-plan comparison keeps its own label for its version ids', async () => {
    const res = await admin.get(`/api/lesson-study/${w.orgs.commune1.id}/compare?from=khong-phai-id`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'from', message: '«Phiên bản so sánh» không hợp lệ' }]);
  });
});
