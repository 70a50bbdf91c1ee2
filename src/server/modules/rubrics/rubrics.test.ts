import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../tests/helpers/counts';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import { buildWorld } from '../../../../tests/helpers/world';
import type { Rubric } from '../../../shared/rubrics';
import { readRubric } from './service';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
let as: ReturnType<typeof clientPool>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  ownerOrgId: w.orgs.commune1.id,
  name: 'Phiếu chấm hội thi giáo viên dạy giỏi cấp xã',
  purpose: 'panel',
  noGrading: false,
  groups: [
    {
      title: 'Hồ sơ',
      criteria: [
        {
          title: 'Kế hoạch bài dạy',
          maxPoints: 10,
          levels: [
            { label: 'Tốt', points: 10 },
            { label: 'Đạt', points: 6 },
          ],
        },
      ],
    },
    {
      title: 'Tiết dạy',
      criteria: [
        { title: 'Tổ chức hoạt động học', maxPoints: 15 },
        { title: 'Hoạt động của học sinh', maxPoints: 15 },
      ],
    },
  ],
  ...over,
});

describe('rubrics as data', () => {
  it('has the presets: 12 lesson-analysis criteria in 3 groups without grading, and seed 004’s panel scoring', async () => {
    const list = (await (await as(w.users.teacher)).get('/api/rubrics')).json() as Rubric[];
    const lesson = list.find((r) => r.presetKey === 'lesson_analysis_12');
    expect(lesson).toMatchObject({ noGrading: true, purpose: 'lesson_analysis', maxTotal: 0, can: { update: false } });
    expect(lesson?.groups.map((g) => g.criteria.length)).toEqual([4, 4, 4]);
    expect(lesson?.groups[2].criteria[3].title).toContain('kết quả thực hiện nhiệm vụ học tập');
    expect(list.find((r) => r.presetKey === 'panel_seed004')).toMatchObject({ maxTotal: 100, noGrading: false });
    expect(list.find((r) => r.presetKey === 'panel_dossier')?.maxTotal).toBe(40);
    expect(list.find((r) => r.presetKey === 'panel_presentation')?.maxTotal).toBe(60);
  });

  it('office staff define their org’s rubric; it is read below the org, not by other communes; presets are fixed', async () => {
    expect((await (await as(w.users.principal)).post('/api/rubrics', body())).statusCode).toBe(403);
    expect((await (await as(w.users.communeLeader)).post('/api/rubrics', body({ ownerOrgId: w.orgs.commune2.id }))).statusCode).toBe(403);
    const res = await (await as(w.users.communeLeader)).post('/api/rubrics', body());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as Rubric;
    expect(r).toMatchObject({ maxTotal: 40, ownerOrg: { name: 'Xã Phú Hòa Đông' }, can: { update: true } });
    expect(r.groups[1].criteria.map((c) => c.key)).toEqual(['g2c1', 'g2c2']);
    expect(r.groups[0].criteria[0].levels).toEqual([
      { label: 'Tốt', points: 10, description: null },
      { label: 'Đạt', points: 6, description: null },
    ]);
    expect((await (await as(w.users.teacher)).get(`/api/rubrics/${r.id}`)).json()).toMatchObject({ name: r.name, can: { update: false } });
    expect((await (await as(w.users.specialist)).get(`/api/rubrics/${r.id}`)).statusCode).toBe(200);
    expect((await (await as(w.users.otherTeacher)).get(`/api/rubrics/${r.id}`)).statusCode).toBe(403);
    expect(((await (await as(w.users.otherTeacher)).get('/api/rubrics')).json() as Rubric[]).some((x) => x.id === r.id)).toBe(false);
    const upd = await (await as(w.users.communeLeader)).put(`/api/rubrics/${r.id}`, body({ name: 'Phiếu chấm (sửa)' }));
    expect(upd.json()).toMatchObject({ name: 'Phiếu chấm (sửa)' });
    const preset = ((await (await as(w.users.admin)).get('/api/rubrics')).json() as Rubric[]).find((x) => x.presetKey === 'panel_seed004');
    expect((await (await as(w.users.admin)).put(`/api/rubrics/${preset?.id}`, body())).statusCode).toBe(409);
    // Other features read a rubric through readRubric.
    expect((await readRubric(t.db, r.id)).maxTotal).toBe(40);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const office = await as(w.users.communeLeader);
    const before = await tableCounts(t.db);
    const res = await office.post(
      '/api/rubrics',
      body({ name: '', groups: [{ title: 'Nhóm', criteria: [{ title: 'Tiêu chí', maxPoints: -1 }] }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['groups.0.criteria.0.maxPoints', 'name']);
    expect(res.json().message).toContain('«Điểm tối đa (mục 1)» phải lớn hơn hoặc bằng 0');
    const zero = await office.post('/api/rubrics', body({ groups: [{ title: 'Nhóm', criteria: [{ title: 'Tiêu chí', maxPoints: 0 }] }] }));
    expect(zero.statusCode).toBe(400);
    expect(zero.json().fields[0].field).toBe('groups');
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
