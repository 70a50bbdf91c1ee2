import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type World } from '../../../../tests/helpers/world';

let t: TestApp;
let w: World;
let principal: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  principal = await t.client().login(w.users.principal.email, w.users.principal.password);
});
afterAll(() => t.close());

describe('people', () => {
  it('a principal adds a teacher with subjects; search finds them without diacritics', async () => {
    const subjects = (await principal.get('/api/subjects')).json() as Array<{ id: string; code: string; name: string }>;
    const toan = subjects.find((s) => s.code === 'toan');
    expect(toan?.name).toBe('Toán');
    const res = await principal.post('/api/people', {
      code: 'GV-0042',
      fullName: 'Trần Thị Ngọc Hạnh',
      email: 'Hanh.Tran@TTD.edu.vn',
      phone: '0912 345 678',
      gender: 'female',
      subjectIds: [toan?.id],
      positions: [{ orgId: w.orgs.team1.id, position: 'teacher' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fullName: 'Trần Thị Ngọc Hạnh',
      email: 'hanh.tran@ttd.edu.vn',
      gender: 'female',
      can: { update: true },
    });
    expect(res.json().subjects.map((s: { name: string }) => s.name)).toEqual(['Toán']);
    for (const q of ['ngoc hanh', 'TRẦN THỊ', 'hanh.tran@ttd.edu.vn', 'GV-0042']) {
      const list = (await principal.get(`/api/people?q=${encodeURIComponent(q)}`)).json();
      expect(
        list.items.map((p: { fullName: string }) => p.fullName),
        q,
      ).toEqual(['Trần Thị Ngọc Hạnh']);
    }
    const filtered = (await principal.get(`/api/people?subjectId=${toan?.id}&position=teacher`)).json();
    expect(filtered.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Trần Thị Ngọc Hạnh']);
  });

  it('states the levels a teacher teaches; an update leaving them out keeps them, an unknown level is refused', async () => {
    const body = {
      fullName: 'Lâm Thị Cấp',
      email: 'cap@ttd.edu.vn',
      positions: [{ orgId: w.orgs.team1.id, position: 'teacher' }],
    };
    const res = await principal.post('/api/people', { ...body, teachingLevels: ['lower_secondary', 'primary'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().teachingLevels).toEqual(['primary', 'lower_secondary']);
    const kept = await principal.put(`/api/people/${res.json().id}`, { ...body, phone: '0912000222' });
    expect(kept.json().teachingLevels).toEqual(['primary', 'lower_secondary']);
    const cleared = await principal.put(`/api/people/${res.json().id}`, { ...body, teachingLevels: [] });
    expect(cleared.json().teachingLevels).toEqual([]);
    const bad = await principal.put(`/api/people/${res.json().id}`, { ...body, teachingLevels: ['university'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('teachingLevels');
  });

  it('pages the list with a stable order and a total', async () => {
    const page1 = (await principal.get('/api/people?pageSize=2&page=1')).json();
    const page2 = (await principal.get('/api/people?pageSize=2&page=2')).json();
    expect(page1.total).toBe(page2.total);
    expect(page1.total).toBeGreaterThanOrEqual(4);
    expect(page1.items).toHaveLength(2);
    const ids = [...page1.items, ...page2.items].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('moving a teacher to another school needs rights over both schools', async () => {
    const move = await principal.put(`/api/people/${w.users.teacher.person.id}`, {
      fullName: 'Giáo viên 1',
      email: 'gv1@tn.vn',
      positions: [{ orgId: w.orgs.team2.id, position: 'teacher' }],
    });
    expect(move.statusCode).toBe(403);
    const office = await t.client().login(w.users.specialist.email, w.users.specialist.password);
    const ok = await office.put(`/api/people/${w.users.teacher.person.id}`, {
      fullName: 'Giáo viên 1',
      email: 'gv1@tn.vn',
      positions: [
        { orgId: w.orgs.team1.id, position: 'teacher', validTo: '2025-12-31' },
        { orgId: w.orgs.team2.id, position: 'teacher', validFrom: '2026-01-01' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().memberships.map((m: { orgName: string; validTo: string | null }) => [m.orgName, m.validTo])).toEqual(
      expect.arrayContaining([
        ['Tổ Toán - Tin', '2025-12-31'],
        ['Tổ Toán - Tin', null],
      ]),
    );
  });
});
