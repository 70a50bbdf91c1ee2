import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinutes, buildObservationNote } from '../../../../tests/factories';
import { multipart } from '../../../../tests/fixtures/imports/files';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildLessonStudyWorld, buildStudyMeeting } from '../../../../tests/helpers/lessonStudyWorld';
import { clientPool, type MinutesRole, type MinutesWorld } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { CompareView, LessonStudyView } from '../../../shared/lessonStudy';

let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;
const user = (r: MinutesRole) => as(w.users[r]);
const guest = () => as(w.guests[0]);

beforeAll(async () => {
  t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'lt-ls-')), uploadLimitBytes: 64 * 1024 });
  w = await buildLessonStudyWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

const V1 = '<p>Hoạt động 1: Học sinh làm việc cá nhân 10 phút, tìm hệ số góc.</p><script>alert(1)</script>';
const V2 = '<p>Hoạt động 1: Học sinh làm việc theo nhóm đôi 15 phút, tìm hệ số góc và vẽ đồ thị.</p>';

describe('lesson study: four steps, versions, comparison', () => {
  it('keeps every lesson-plan version, with comments, and compares the first with the revised one word by word', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const teacher = await user('teacher');
    const observer = await guest();
    let res = await teacher.post(`/api/lesson-study/${m.id}/versions`, { bodyHtml: V1, note: 'Bản thiết kế đầu tiên' });
    expect(res.statusCode, res.body).toBe(201);
    let view = res.json() as LessonStudyView;
    expect(view.versions).toHaveLength(1);
    expect(view.versions[0]).toMatchObject({ version: 1, stage: 'design', note: 'Bản thiết kế đầu tiên', createdByName: 'Giáo viên 1' });
    expect(view.versions[0].bodyHtml).toBe('<p>Hoạt động 1: Học sinh làm việc cá nhân 10 phút, tìm hệ số góc.</p>');

    res = await observer.post(`/api/lesson-study/versions/${view.versions[0].id}/comments`, { body: 'Nên cho học sinh làm việc nhóm' });
    expect(res.statusCode, res.body).toBe(204);

    // Step 2 (teaching), 3 (analysis), 4 (revised lesson plan) by the chair.
    const chair = await user('principal');
    for (const step of [2, 3, 4]) {
      res = await chair.put(`/api/lesson-study/${m.id}/step`, { step });
      expect(res.statusCode, res.body).toBe(200);
    }
    res = await teacher.post(`/api/lesson-study/${m.id}/versions`, { bodyHtml: V2 });
    expect(res.statusCode, res.body).toBe(201);
    view = res.json();
    expect(view.step).toBe(4);
    expect(view.versions.map((v) => [v.version, v.stage])).toEqual([
      [1, 'design'],
      [2, 'revised'],
    ]);
    expect(view.versions[0].bodyHtml).toContain('cá nhân 10 phút');
    expect(view.versions[0].comments).toMatchObject([{ personName: 'Giáo viên khách 01', body: 'Nên cho học sinh làm việc nhóm' }]);

    const cmp = (await teacher.get(`/api/lesson-study/${m.id}/compare`)).json() as CompareView;
    expect(cmp.from?.version).toBe(1);
    expect(cmp.to?.version).toBe(2);
    expect(cmp.comparable).toBe(true);
    expect(cmp.parts.filter((p) => p.op === 'del').map((p) => p.text.trim())).toEqual(['cá nhân 10', 'góc.']);
    expect(cmp.parts.filter((p) => p.op === 'add').map((p) => p.text.trim())).toEqual(['theo nhóm đôi 15', 'góc và vẽ đồ thị.']);
  });

  it('refuses step 2 before any lesson-plan version, naming the field, and changes nothing', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const before = await tableCounts(t.db);
    const res = await (await user('principal')).put(`/api/lesson-study/${m.id}/step`, { step: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('step');
    expect(res.json().message).toContain('kế hoạch bài dạy');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses a meeting that is not a lesson study', async () => {
    const m = await buildStudyMeeting(t.db, w, { kind: 'demo_lesson', layout: null });
    const res = await (await user('principal')).get(`/api/lesson-study/${m.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('không phải là nghiên cứu bài học');
  });
});

describe('lesson study: analysis into the minutes', () => {
  it('copies the guided analysis into the minutes draft through the minutes service, in order', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const secretary = await user('teamHead');
    let res = await secretary.put(`/api/lesson-study/${m.id}/analysis`, {
      teacherShare: 'Em thấy nhóm 2 còn lúng túng.',
      evidence: '5 ghi chép: 3 em ở dãy 2 chưa tìm được hệ số góc.',
      expertView: 'Nên chia nhỏ nhiệm vụ.',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await secretary.post(`/api/lesson-study/${m.id}/analysis/to-minutes`);
    expect(res.statusCode, res.body).toBe(200);
    const minutes = (await secretary.get(`/api/meetings/${m.id}/minutes`)).json();
    expect(minutes.version).toBe(1);
    const d: string = minutes.discussion;
    expect(d).toContain('Em thấy nhóm 2 còn lúng túng.');
    expect(d.indexOf('Giáo viên dạy minh họa')).toBeLessThan(d.indexOf('Minh chứng'));
    expect(d.indexOf('Minh chứng')).toBeLessThan(d.indexOf('Ý kiến chuyên gia'));
  });

  it('is refused once the minutes are locked, and the locked minutes stay as they were', async () => {
    const m = await buildStudyMeeting(t.db, w);
    await buildMinutes(t.db, { meetingId: m.id, status: 'locked', discussion: '<p>Đã ký</p>', textHash: 'x' });
    const secretary = await user('teamHead');
    await secretary.put(`/api/lesson-study/${m.id}/analysis`, { teacherShare: 'Chia sẻ', evidence: '', expertView: '' });
    const view = (await secretary.get(`/api/lesson-study/${m.id}`)).json() as LessonStudyView;
    expect(view.can.toMinutes).toBe(false);
    expect(view.minutesLocked).toBe(true);
    const before = await tableCounts(t.db);
    const res = await secretary.post(`/api/lesson-study/${m.id}/analysis/to-minutes`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MINUTES_LOCKED');
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await secretary.get(`/api/meetings/${m.id}/minutes`)).json().discussion).toBe('<p>Đã ký</p>');
  });

  it('is for the chair and the secretary only', async () => {
    const m = await buildStudyMeeting(t.db, w);
    await (await user('principal')).put(`/api/lesson-study/${m.id}/analysis`, { teacherShare: 'A', evidence: 'B', expertView: 'C' });
    expect((await (await user('teacher')).post(`/api/lesson-study/${m.id}/analysis/to-minutes`)).statusCode).toBe(403);
    expect((await (await user('principal')).post(`/api/lesson-study/${m.id}/analysis/to-minutes`)).statusCode).toBe(200);
  });
});

describe('lesson study: policy per role', () => {
  const readers: Array<[string, () => Promise<TestClient>, boolean]> = [
    ['admin', () => user('admin'), true],
    ['specialist of the Sở', () => user('specialist'), true],
    ['commune leader above the host', () => user('communeLeader'), true],
    ['host principal (chair)', () => user('principal'), true],
    ['team head (secretary)', () => user('teamHead'), true],
    ['teacher who teaches (presenter)', () => user('teacher'), true],
    ['invited observer of another school', () => guest(), true],
    ['same-school teacher not invited', () => user('sameSchoolTeacher'), false],
    ["principal of the network's other school", () => user('networkPrincipal'), false],
    ['teacher of another commune', () => user('otherTeacher'), false],
    ['principal of another commune', () => user('otherPrincipal'), false],
  ];

  it.each(readers)('%s reads the study: %s', async (_, who, allowed) => {
    const m = await buildStudyMeeting(t.db, w);
    const res = await (await who()).get(`/api/lesson-study/${m.id}`);
    expect(res.statusCode).toBe(allowed ? 200 : 403);
  });

  it('lets the group write versions and draw the map, but only organisers move steps and write the analysis', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const observer = await guest();
    expect((await observer.post(`/api/lesson-study/${m.id}/versions`, { bodyHtml: '<p>Góp ý bản 1</p>' })).statusCode).toBe(201);
    const before = await tableCounts(t.db);
    expect((await observer.put(`/api/lesson-study/${m.id}/step`, { step: 2 })).statusCode).toBe(403);
    expect((await observer.put(`/api/lesson-study/${m.id}/analysis`, { teacherShare: 'x', evidence: '', expertView: '' })).statusCode).toBe(
      403,
    );
    const outsider = await user('sameSchoolTeacher');
    expect((await outsider.post(`/api/lesson-study/${m.id}/versions`, { bodyHtml: '<p>x</p>' })).statusCode).toBe(403);
    expect(await tableCounts(t.db)).toEqual(before);
    const groups = { kind: 'groups', groupNames: ['Nhóm 1', 'Nhóm 2', 'Nhóm 3'] };
    const drawn = await observer.put(`/api/lesson-study/${m.id}/layout`, { layout: groups });
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect((drawn.json() as LessonStudyView).layout).toEqual(groups);
    expect((await outsider.put(`/api/lesson-study/${m.id}/layout`, { layout: null })).statusCode).toBe(403);
    const view = (await observer.get(`/api/lesson-study/${m.id}`)).json() as LessonStudyView;
    expect(view.can).toEqual({ contribute: true, organise: false, toMinutes: false });
    const presenter = (await (await user('teacher')).get(`/api/lesson-study/${m.id}`)).json() as LessonStudyView;
    expect(presenter.can).toEqual({ contribute: true, organise: true, toMinutes: false });
    expect((await (await user('teacher')).put(`/api/lesson-study/${m.id}/step`, { step: 2 })).statusCode).toBe(200);
  });
});

describe('lesson study: bad input', () => {
  it('names the field in Vietnamese and writes nothing', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const chair = await user('principal');
    await buildObservationNote(t.db, { meetingId: m.id, observerId: w.guests[0].person.id, observedAt: new Date(), seat: '4.6' });
    const before = await tableCounts(t.db);
    const cases: Array<[string, 'post' | 'put', string, unknown, string]> = [
      ['empty lesson plan', 'post', `/api/lesson-study/${m.id}/versions`, { bodyHtml: '<script>x</script>' }, 'bodyHtml'],
      ['missing lesson plan', 'post', `/api/lesson-study/${m.id}/versions`, {}, 'bodyHtml'],
      ['step out of range', 'put', `/api/lesson-study/${m.id}/step`, { step: 5 }, 'step'],
      ['grid too big', 'put', `/api/lesson-study/${m.id}/layout`, { layout: { kind: 'grid', rows: 40, cols: 2 } }, 'layout.rows'],
      ['map losing a used seat', 'put', `/api/lesson-study/${m.id}/layout`, { layout: { kind: 'grid', rows: 3, cols: 6 } }, 'layout'],
      ['analysis missing a stage', 'put', `/api/lesson-study/${m.id}/analysis`, { teacherShare: 'x', evidence: 'y' }, 'expertView'],
    ];
    for (const [name, method, url, body, field] of cases) {
      const res = method === 'post' ? await chair.post(url, body) : await chair.put(url, body);
      expect(res.statusCode, name).toBe(400);
      const fields = res.json().fields as Array<{ field: string; message: string }>;
      expect(
        fields.map((f) => f.field),
        name,
      ).toContain(field);
      expect(res.json().message, name).toMatch(/[àáảãạăâđêôơưéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('lesson study: lesson plan as an uploaded file', () => {
  const PDF = Buffer.from('%PDF-1.4\n% KHBD Toán 9\n');
  const upload = (c: TestClient, meetingId: string, name: string, data: Buffer) => {
    const { body, headers } = multipart(name, data);
    return c.request('POST', `/api/lesson-study/${meetingId}/versions/file`, body, headers);
  };

  it('keeps a pdf as a new version, readable by the study group only', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const teacher = await user('teacher');
    const res = await upload(teacher, m.id, 'KHBD Hàm số bậc nhất.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const v = (res.json() as LessonStudyView).versions[0];
    expect(v).toMatchObject({ version: 1, bodyHtml: null, file: { name: 'KHBD Hàm số bậc nhất.pdf', size: PDF.length } });
    const file = await (await guest()).get(`/api/lesson-study/versions/${v.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await (await user('sameSchoolTeacher')).get(`/api/lesson-study/versions/${v.id}/file`)).statusCode).toBe(403);
    // A file version cannot be compared word by word.
    await teacher.post(`/api/lesson-study/${m.id}/versions`, { bodyHtml: '<p>Bản soạn</p>' });
    const cmp = (await teacher.get(`/api/lesson-study/${m.id}/compare`)).json() as CompareView;
    expect(cmp).toMatchObject({ comparable: false, parts: [] });
  });

  it('keeps the version file when a meeting attachment with the same bytes is deleted; a lost file answers 404', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const bytes = Buffer.from('%PDF-1.4\n% KHBD dùng chung nội dung với tệp đính kèm\n');
    const chair = await user('principal');
    const { body, headers } = multipart('Tai lieu.pdf', bytes);
    const attached = await chair.request('POST', `/api/meetings/${m.id}/attachments`, body, headers);
    expect(attached.statusCode, attached.body).toBe(201);
    const teacher = await user('teacher');
    const v = ((await upload(teacher, m.id, 'KHBD.pdf', bytes)).json() as LessonStudyView).versions[0];
    expect((await chair.delete(`/api/attachments/${attached.json().id}`)).statusCode).toBe(204);
    const file = await teacher.get(`/api/lesson-study/versions/${v.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    // The stored file lost on disk (a partial restore): the app's Vietnamese 404, not a raw 500.
    const sha = createHash('sha256').update(bytes).digest('hex');
    rmSync(path.join(t.config.dataDir, 'files', sha.slice(0, 2), sha));
    const lost = await teacher.get(`/api/lesson-study/versions/${v.id}/file`);
    expect(lost.statusCode).toBe(404);
    expect(lost.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy tệp trên máy chủ' });
  });

  it('refuses other types and files over the limit, naming the file field, and stores nothing', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const teacher = await user('teacher');
    const before = await tableCounts(t.db);
    let res = await upload(teacher, m.id, 'anh.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('file');
    res = await upload(teacher, m.id, 'gia.pdf', Buffer.from('không phải pdf'));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('file');
    res = await upload(teacher, m.id, 'lon.pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024)]));
    expect(res.statusCode).toBe(413);
    expect(res.json().fields[0].field).toBe('file');
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
