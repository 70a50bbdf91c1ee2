import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../tests/helpers/counts';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { buildPanelWorld, entryBody, eventBody, type PanelWorld, pointsFor } from '../../../../tests/helpers/panelWorld';
import { docxToPdfText, hasSoffice } from '../../../../tests/helpers/pdf';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import type { PanelEventView } from '../../../shared/panels';

let t: TestApp;
let w: PanelWorld;
let as: ReturnType<typeof clientPool>;
let event: PanelEventView;
/** Entry ids of teams A..F (w.teams[0..5]). */
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPanelWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

/** (dossier, presentation) points per member [head, principal 1, principal 1b] for teams A..F. */
const PLAN: Array<Array<[number, number]>> = [
  [
    [38, 52],
    [38, 50],
    [37, 50],
  ], // A: 90, 88, 87 → 88.33
  [
    [35, 45],
    [35, 45],
    [35, 45],
  ], // B: 80
  [
    [30, 48],
    [30, 48],
    [30, 48],
  ], // C: 78, dossier 30
  [
    [32, 46],
    [28, 50],
    [30, 48],
  ], // D: 78, dossier 30 on average: tied with C
  [
    [25, 53],
    [25, 53],
    [25, 53],
  ], // E: 78, dossier 25: below C and D by the tie-break
  [
    [20, 40],
    [20, 40],
    [20, 40],
  ], // F: 60
];

describe('panels: an event, six teams, a panel of three', () => {
  it('office staff of the organiser create the event; teachers and other communes cannot', async () => {
    expect((await (await as(w.users.teacher)).post('/api/panels', eventBody(w))).statusCode).toBe(403);
    expect((await (await as(w.users.otherPrincipal)).post('/api/panels', eventBody(w))).statusCode).toBe(403);
    const res = await (await as(w.users.communeLeader)).post('/api/panels', eventBody(w));
    expect(res.statusCode, res.body).toBe(201);
    event = res.json();
    expect(event).toMatchObject({
      selectCount: 3,
      head: { fullName: 'Bùi Văn Khoát' },
      rubric: { maxTotal: 100 },
      entries: [],
      can: { submitEntry: true, score: false, select: false },
    });
    expect(event.members.map((m) => m.fullName).sort()).toEqual(['Bùi Văn Khoát', 'Hồ Văn Nghĩa', 'Nguyễn Thị Hạnh']);
    expect(event.rubric.groups.map((g) => g.title)).toEqual(['Hồ sơ tổ chuyên môn', 'Báo cáo trình chiếu video clip']);
  });

  it('teams submit dossier and video by the deadline; a team head only for their own team', async () => {
    const head = await as(w.users.teamHead);
    const own = await head.post(`/api/panels/${event.id}/entries`, entryBody(w.teams[0].id, w.users.teamHead.person.id));
    expect(own.statusCode, own.body).toBe(201);
    expect((await head.post(`/api/panels/${event.id}/entries`, entryBody(w.teams[2].id, w.users.teamHead.person.id))).statusCode).toBe(403);
    const office = await as(w.users.communeLeader);
    for (const team of w.teams.slice(1)) {
      const res = await office.post(`/api/panels/${event.id}/entries`, entryBody(team.id, w.users.teacher.person.id));
      expect(res.statusCode, res.body).toBe(201);
    }
    // Before the deadline and before any score, the team replaces its entry: still one entry, the new dossier counts.
    const body = entryBody(w.teams[0].id, w.users.teamHead.person.id);
    const replaced = {
      ...body,
      dossier: [...body.dossier, { part: 'other', title: 'Ảnh trưng bày', url: 'https://drive.example.vn/anh.zip' }],
    };
    const again = await head.post(`/api/panels/${event.id}/entries`, replaced);
    expect(again.statusCode, again.body).toBe(201);
    const full = (await office.get(`/api/panels/${event.id}`)).json() as PanelEventView;
    expect(full.entries).toHaveLength(6);
    for (const team of w.teams) ids.push(full.entries.find((e) => e.team.id === team.id)?.id ?? '');
    expect(full.entries.find((e) => e.team.id === w.teams[0].id)?.dossier.map((d) => d.part)).toEqual([
      'team_plan',
      'meeting_book',
      'video',
      'other',
    ]);
    expect(full.entries.find((e) => e.team.id === w.teams[0].id)).toMatchObject({
      team: { name: 'Tổ Toán - Tin', schoolName: 'Trường THCS Tân Thạnh Đông' },
      presenters: [{ fullName: 'Tổ trưởng 1' }],
    });
  });

  it('refuses a late submission with a clear message', async () => {
    const office = await as(w.users.communeLeader);
    const deadline = new Date(Date.now() - 3600_000);
    const late = (
      await office.post('/api/panels', eventBody(w, { title: 'Hội thi đã hết hạn', submissionDeadline: deadline.toISOString() }))
    ).json();
    const res = await office.post(`/api/panels/${late.id}/entries`, entryBody(w.teams[1].id, w.users.teacher.person.id));
    expect(res.statusCode).toBe(409);
    // The deadline as schedules write it, in Vietnam time (UTC+7 all year): "7h05 ngày 01/12/2026", "14h30 ngày …".
    const vn = new Date(deadline.getTime() + 7 * 3600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const when = `${vn.getUTCHours()}h${two(vn.getUTCMinutes())} ngày ${two(vn.getUTCDate())}/${two(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`;
    expect(res.json().message).toBe(`Đã quá hạn nộp hồ sơ (hạn: ${when}), không nhận hồ sơ nộp muộn`);
  });

  it('each member scores alone: nobody sees the others’ scores before submitting all of their own', async () => {
    const members = [w.users.panelHead, w.users.principal, w.users.principal1b];
    const principal = await as(w.users.principal);
    // Not a member: refused.
    expect(
      (await (await as(w.users.teacher)).put(`/api/panels/${event.id}/entries/${ids[0]}/score`, { points: pointsFor(30, 40) })).statusCode,
    ).toBe(403);
    // The head scores everything first.
    const head = await as(members[0]);
    for (let i = 0; i < 6; i++) {
      const [d, p] = PLAN[i][0];
      const res = await head.put(`/api/panels/${event.id}/entries/${ids[i]}/score`, { points: pointsFor(d, p) });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Once scored, an entry can no longer be replaced, even before the deadline.
    const late = await (await as(w.users.teamHead)).post(
      `/api/panels/${event.id}/entries`,
      entryBody(w.teams[0].id, w.users.teamHead.person.id),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('Tổ điều hành đã chấm hồ sơ của Tổ Toán - Tin, không thay được nữa');
    // Principal 1 has not scored: no ranking, no others' scores, no document.
    const before = (await principal.get(`/api/panels/${event.id}`)).json() as PanelEventView;
    expect(before.ranking).toBeNull();
    expect(before.entries.every((e) => e.myScore === null)).toBe(true);
    expect(before.can).toMatchObject({ score: true, seeRanking: false, export: false });
    expect(JSON.stringify(before)).not.toContain('Bùi Văn Khoát","total');
    expect((await principal.get(`/api/panels/${event.id}/results.docx`)).statusCode).toBe(403);
    // Half-way: still nothing.
    for (let i = 0; i < 3; i++) {
      const [d, p] = PLAN[i][1];
      expect((await principal.put(`/api/panels/${event.id}/entries/${ids[i]}/score`, { points: pointsFor(d, p) })).statusCode).toBe(200);
    }
    const half = (await principal.get(`/api/panels/${event.id}`)).json() as PanelEventView;
    expect(half.ranking).toBeNull();
    expect(half.myProgress).toEqual({ scored: 3, total: 6 });
    expect(half.entries.find((e) => e.id === ids[0])?.myScore?.total).toBe(88);
    // A submitted score is final.
    const twice = await principal.put(`/api/panels/${event.id}/entries/${ids[0]}/score`, { points: pointsFor(40, 60) });
    expect(twice.statusCode).toBe(409);
    // Over the maximum or missing a criterion: 400 naming the criterion, nothing stored.
    const counts = await tableCounts(t.db);
    const bad = await principal.put(`/api/panels/${event.id}/entries/${ids[3]}/score`, {
      points: { ...pointsFor(28, 50), g1c1: 16, g2c4: undefined },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['points.g1c1', 'points.g2c4']);
    expect(bad.json().message).toContain('tối đa 15 điểm');
    expect(await tableCounts(t.db)).toEqual(counts);
    for (let i = 3; i < 6; i++) {
      const [d, p] = PLAN[i][1];
      expect((await principal.put(`/api/panels/${event.id}/entries/${ids[i]}/score`, { points: pointsFor(d, p) })).statusCode).toBe(200);
    }
    const after = (await principal.get(`/api/panels/${event.id}`)).json() as PanelEventView;
    expect(after.ranking).not.toBeNull();
    // The head cannot select while principal 1b has not scored.
    const early = await head.post(`/api/panels/${event.id}/selection`, { entryIds: [ids[0], ids[1], ids[3]] });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('Còn 6 phiếu chấm chưa nộp');
    const last = await as(members[2]);
    for (let i = 0; i < 6; i++) {
      const [d, p] = PLAN[i][2];
      expect((await last.put(`/api/panels/${event.id}/entries/${ids[i]}/score`, { points: pointsFor(d, p) })).statusCode).toBe(200);
    }
  });

  it('ranks by the average of the members’ totals, with the tie-break and shared ranks; shows the tie at the cut', async () => {
    const view = (await (await as(w.users.panelHead)).get(`/api/panels/${event.id}`)).json() as PanelEventView;
    const byEntry = new Map(view.ranking?.map((r) => [r.entryId, r]));
    const row = (i: number) => byEntry.get(ids[i]);
    expect([0, 1, 2, 3, 4, 5].map((i) => row(i)?.average)).toEqual([88.33, 80, 78, 78, 78, 60]);
    expect([0, 1, 2, 3, 4, 5].map((i) => row(i)?.rank)).toEqual([1, 2, 3, 3, 5, 6]);
    expect([0, 1, 2, 3, 4, 5].map((i) => row(i)?.tieAtCut)).toEqual([false, false, true, true, false, false]);
    expect(row(3)?.groupAverages).toEqual([30, 48]);
    expect(row(4)?.groupAverages).toEqual([25, 53]);
    expect(
      row(0)
        ?.memberTotals.map((m) => m.total)
        .sort(),
    ).toEqual([87, 88, 90]);
    expect(view.ranking?.map((r) => r.rank)).toEqual([1, 2, 3, 3, 5, 6]);
    expect(view.can.select).toBe(true);
  });

  it('the head selects three following the ranking (choosing within the tie); never more than three', async () => {
    const head = await as(w.users.panelHead);
    expect(
      (await (await as(w.users.principal)).post(`/api/panels/${event.id}/selection`, { entryIds: [ids[0], ids[1], ids[2]] })).statusCode,
    ).toBe(403);
    const skip = await head.post(`/api/panels/${event.id}/selection`, { entryIds: [ids[0], ids[1], ids[4]] });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().fields[0]).toMatchObject({ field: 'entryIds' });
    const four = await head.post(`/api/panels/${event.id}/selection`, { entryIds: [ids[0], ids[1], ids[2], ids[3]] });
    expect(four.statusCode).toBe(400);
    expect(four.json().message).toBe('Chỉ được chọn tối đa 3 tổ');
    const ok = await head.post(`/api/panels/${event.id}/selection`, { entryIds: [ids[0], ids[1], ids[3]] });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = ok.json() as PanelEventView;
    expect(
      v.entries
        .filter((e) => e.selected)
        .map((e) => e.id)
        .sort(),
    ).toEqual([ids[0], ids[1], ids[3]].sort());
    expect(v.selectedAt).not.toBeNull();
    expect((await head.post(`/api/panels/${event.id}/selection`, { entryIds: [ids[0]] })).statusCode).toBe(409);
  });

  it('a teacher sees only their team’s entry and, once selected, the ranking without members’ scores; other communes nothing', async () => {
    const v = (await (await as(w.users.teacher)).get(`/api/panels/${event.id}`)).json() as PanelEventView;
    expect(v.entries.map((e) => e.team.id)).toEqual([w.teams[0].id]);
    expect(v.ranking?.every((r) => r.memberTotals.length === 0)).toBe(true);
    expect(v.can).toMatchObject({ score: false, select: false, export: false });
    const other = await as(w.users.otherTeacher);
    expect((await other.get(`/api/panels/${event.id}`)).statusCode).toBe(403);
    expect((await other.get('/api/panels')).json()).toEqual([]);
  });

  it('refuses bad input naming the field in Vietnamese, writing nothing', async () => {
    const office = await as(w.users.communeLeader);
    const counts = await tableCounts(t.db);
    const res = await office.post('/api/panels', eventBody(w, { title: '', selectCount: 0, submissionDeadline: 'mai' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as Array<{ field: string; message: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['selectCount', 'submissionDeadline', 'title']);
    expect(fields.find((f) => f.field === 'title')?.message).toBe('«Tiêu đề» không được để trống');
    const lessonRubric = (await office.get('/api/rubrics?purpose=lesson_analysis')).json()[0];
    const noGrading = await office.post('/api/panels', eventBody(w, { rubricId: lessonRubric.id }));
    expect(noGrading.statusCode).toBe(400);
    expect(noGrading.json().fields[0].field).toBe('rubricId');
    const entry = await office.post(`/api/panels/${event.id}/entries`, { teamOrgId: w.teams[1].id, presenterIds: [], dossier: [] });
    expect(entry.statusCode).toBe(400);
    expect(await tableCounts(t.db)).toEqual(counts);
  });

  it.skipIf(!hasSoffice)('exports the results as a DOCX in the Nghị định 30 layout', async () => {
    const res = await (await as(w.users.panelHead)).get(`/api/panels/${event.id}/results.docx`);
    expect(res.statusCode).toBe(200);
    const shots = path.resolve(import.meta.dirname, '../../../../docs/screenshots');
    const text = docxToPdfText(res.rawPayload, 'docx-panel-results', shots);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('KẾT QUẢ ĐÁNH GIÁ CỦA TỔ ĐIỀU HÀNH');
    expect(text).toContain('88,33');
    expect(text).toContain('Được chọn');
    expect(text).toContain('Đồng hạng tại ngưỡng chọn');
    expect(text).toContain('Bùi Văn Khoát');
    expect(text).toMatch(/lựa chọn 3\/3 tổ chuyên môn/);
  });
});
