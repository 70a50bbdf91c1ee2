import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../tests/fixtures/imports/files';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildLessonStudyWorld, buildStudyMeeting } from '../../../../tests/helpers/lessonStudyWorld';
import { clientPool, type MinutesRole, type MinutesWorld } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { type AnalysisView, type NoteView, PHOTO_MAX_BYTES } from '../../../shared/lessonStudy';
import { observationNotes } from '../../db/schema';

let t: TestApp;
let w: MinutesWorld;
let dataDir: string;
let as: (u: { email: string; password: string }) => Promise<TestClient>;
const user = (r: MinutesRole) => as(w.users[r]);
const observer = () => as(w.guests[0]);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lt-obs-'));
  t = await createTestApp({ dataDir });
  w = await buildLessonStudyWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const photoFiles = () => {
  const root = path.join(dataDir, 'private', 'observations');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
};

function note(meetingId: string, o: Partial<{ observedAt: string; text: string; tags: string[]; seat: string | null }> = {}) {
  return {
    meetingId,
    observedAt: new Date().toISOString(),
    text: 'Em Lan (dãy 2) chưa tìm được hệ số góc',
    tags: ['practice'],
    seat: '2.3',
    ...o,
  };
}
async function putPhoto(c: TestClient, noteId: string, name: string, data: Buffer, field = 'photo') {
  const { body, headers } = multipart(name, data, field);
  return c.request('PUT', `/api/observation-notes/${noteId}/photo`, body, headers);
}
const countNotes = async (id: string) => (await t.db.select().from(observationNotes).where(eq(observationNotes.id, id))).length;

describe('observation notes: offline-first upsert', () => {
  it('stores a note once however many times the browser sends it, and updates it in place', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const c = await observer();
    const id = randomUUID();
    const body = note(m.id);
    const first = await c.put(`/api/observation-notes/${id}`, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id, seat: '2.3', tags: ['practice'], shared: false, mine: true, hasPhoto: false });
    for (let i = 0; i < 3; i++) expect((await c.put(`/api/observation-notes/${id}`, body)).statusCode).toBe(200);
    expect(await countNotes(id)).toBe(1);
    const edited = await c.put(`/api/observation-notes/${id}`, { ...body, text: 'Em Lan đã tìm được sau gợi ý' });
    expect(edited.json().text).toBe('Em Lan đã tìm được sau gợi ý');
    expect(await countNotes(id)).toBe(1);
    const mine = (await c.get(`/api/observations/${m.id}/mine`)).json() as NoteView[];
    expect(mine.map((n) => n.id)).toEqual([id]);
  });

  it('makes one note when the same note arrives twice at once', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const c = await observer();
    const id = randomUUID();
    const [a, b] = await Promise.all([
      c.put(`/api/observation-notes/${id}`, note(m.id)),
      c.put(`/api/observation-notes/${id}`, note(m.id)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(await countNotes(id)).toBe(1);
  });

  it("refuses another observer's note id and leaves the note unchanged", async () => {
    const m = await buildStudyMeeting(t.db, w);
    const id = randomUUID();
    await (await observer()).put(`/api/observation-notes/${id}`, note(m.id));
    const res = await (await user('teamHead')).put(`/api/observation-notes/${id}`, note(m.id, { text: 'ghi đè' }));
    expect(res.statusCode).toBe(403);
    const [row] = await t.db.select().from(observationNotes).where(eq(observationNotes.id, id));
    expect(row.body).toBe('Em Lan (dãy 2) chưa tìm được hệ số góc');
  });
});

describe('observation notes: private until shared', () => {
  it('keeps notes to their observer until "Chia sẻ với nhóm", then shows them to the group on the timeline and the map', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const c = await observer();
    const start = Date.now() - 30 * 60_000;
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const seats = ['2.3', '2.3', null];
    for (const [i, id] of ids.entries()) {
      const res = await c.put(
        `/api/observation-notes/${id}`,
        note(m.id, { observedAt: new Date(start + (2 - i) * 60_000).toISOString(), seat: seats[i], text: `Ghi chép ${i + 1}` }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const secretary = await user('teamHead');
    expect(((await secretary.get(`/api/observations/${m.id}/analysis`)).json() as AnalysisView).notes).toHaveLength(0);
    expect((await secretary.get(`/api/observations/${m.id}/mine`)).json()).toEqual([]);
    expect((await secretary.post(`/api/observation-notes/${ids[0]}/share`)).statusCode).toBe(403);

    expect((await c.post(`/api/observation-notes/${ids[0]}/share`)).json()).toEqual({ shared: 1 });
    expect((await c.post(`/api/observations/${m.id}/share`)).json()).toEqual({ shared: 2 });
    const a = (await secretary.get(`/api/observations/${m.id}/analysis`)).json() as AnalysisView;
    expect(a.notes.map((n) => n.text)).toEqual(['Ghi chép 3', 'Ghi chép 2', 'Ghi chép 1']);
    expect(a.notes.every((n) => n.observerName === 'Giáo viên khách 01' && !n.mine)).toBe(true);
    expect(a.seatCounts).toEqual({ '2.3': 2 });
    expect(a.layout).toEqual({ kind: 'grid', rows: 4, cols: 6 });
    expect((await (await user('sameSchoolTeacher')).get(`/api/observations/${m.id}/analysis`)).statusCode).toBe(403);
  });
});

describe('observation photos (personal data)', () => {
  it('are read only by the observer until shared, then by the study group only; the author deletes them, file and all', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const c = await observer();
    const id = randomUUID();
    await c.put(`/api/observation-notes/${id}`, note(m.id));
    const filesBefore = photoFiles().length;
    const up = await putPhoto(c, id, 'IMG_0001.png', PNG);
    expect(up.statusCode, up.body).toBe(204);
    expect(photoFiles()).toHaveLength(filesBefore + 1);
    expect((await c.get(`/api/observation-notes/${id}/photo`)).statusCode).toBe(200);
    // Kept apart from shared files: no attachment row, nothing under DATA_DIR/files, no attachment route reaches it.
    expect((await c.get(`/api/attachments/${id}`)).statusCode).toBe(404);
    expect(existsSync(path.join(dataDir, 'files'))).toBe(false);
    // Private: even the chair gets nothing before sharing.
    expect((await (await user('principal')).get(`/api/observation-notes/${id}/photo`)).statusCode).toBe(404);
    await c.post(`/api/observation-notes/${id}/share`);
    const allowed: MinutesRole[] = ['principal', 'teamHead', 'teacher', 'specialist', 'admin'];
    for (const r of allowed) {
      const res = await (await user(r)).get(`/api/observation-notes/${id}/photo`);
      expect(res.statusCode, r).toBe(200);
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.rawPayload.equals(PNG), r).toBe(true);
    }
    const refused: MinutesRole[] = ['sameSchoolTeacher', 'networkPrincipal', 'otherTeacher', 'otherPrincipal'];
    for (const r of refused) expect((await (await user(r)).get(`/api/observation-notes/${id}/photo`)).statusCode, r).toBe(403);
    // Only the author deletes it; the file goes from storage.
    expect((await (await user('principal')).delete(`/api/observation-notes/${id}/photo`)).statusCode).toBe(403);
    expect(photoFiles()).toHaveLength(filesBefore + 1);
    expect((await c.delete(`/api/observation-notes/${id}/photo`)).statusCode).toBe(204);
    expect(photoFiles()).toHaveLength(filesBefore);
    expect((await c.get(`/api/observation-notes/${id}/photo`)).statusCode).toBe(400);
    expect(((await c.get(`/api/observations/${m.id}/mine`)).json() as NoteView[])[0].hasPhoto).toBe(false);
  });

  it('replacing a photo leaves one file; deleting the note removes its photo', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const c = await observer();
    const id = randomUUID();
    await c.put(`/api/observation-notes/${id}`, note(m.id));
    const filesBefore = photoFiles().length;
    await putPhoto(c, id, 'a.png', PNG);
    await putPhoto(c, id, 'b.png', PNG);
    expect(photoFiles()).toHaveLength(filesBefore + 1);
    expect((await c.delete(`/api/observation-notes/${id}`)).statusCode).toBe(204);
    expect(photoFiles()).toHaveLength(filesBefore);
    expect(await countNotes(id)).toBe(0);
  });
});

describe('observation notes: bad input', () => {
  it('names the field in Vietnamese and stores nothing', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const c = await observer();
    const existing = randomUUID();
    await c.put(`/api/observation-notes/${existing}`, note(m.id));
    const before = await tableCounts(t.db);
    const filesBefore = photoFiles().length;
    const cases: Array<[string, unknown, string]> = [
      ['time before the meeting', note(m.id, { observedAt: new Date(Date.now() - 5 * 3_600_000).toISOString() }), 'observedAt'],
      ['time after the meeting', note(m.id, { observedAt: new Date(Date.now() + 5 * 3_600_000).toISOString() }), 'observedAt'],
      ['unknown seat', note(m.id, { seat: '9.9' }), 'seat'],
      ['unknown tag', note(m.id, { tags: ['bored'] }), 'tags.0'],
      ['not a time', note(m.id, { observedAt: 'hôm qua' }), 'observedAt'],
      ['empty note', note(m.id, { text: '', tags: [], seat: null }), 'text'],
    ];
    for (const [name, body, field] of cases) {
      const res = await c.put(`/api/observation-notes/${randomUUID()}`, body);
      expect(res.statusCode, name).toBe(400);
      expect(
        (res.json().fields as Array<{ field: string }>).map((f) => f.field),
        name,
      ).toContain(field);
      expect(res.json().message, name).toMatch(/Thời điểm ghi|Chỗ ngồi|Hoạt động của bài học|Nội dung ghi chép/);
    }
    const big = Buffer.concat([PNG, Buffer.alloc(PHOTO_MAX_BYTES)]);
    let res = await putPhoto(c, existing, 'big.png', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().fields[0]).toMatchObject({ field: 'photo' });
    expect(res.json().fields[0].message).toContain('«Ảnh» quá lớn');
    res = await putPhoto(c, existing, 'bai-giang.pdf', Buffer.from('%PDF-1.4 x'));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('photo');
    res = await putPhoto(c, existing, 'fake.png', Buffer.from('not an image at all'));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'photo' });
    expect(await tableCounts(t.db)).toEqual(before);
    expect(photoFiles()).toHaveLength(filesBefore);
    expect(((await c.get(`/api/observations/${m.id}/mine`)).json() as NoteView[])[0].hasPhoto).toBe(false);
  });

  it('refuses notes from outside the study group', async () => {
    const m = await buildStudyMeeting(t.db, w);
    const before = await tableCounts(t.db);
    for (const r of ['sameSchoolTeacher', 'otherTeacher', 'networkPrincipal'] as MinutesRole[]) {
      expect((await (await user(r)).put(`/api/observation-notes/${randomUUID()}`, note(m.id))).statusCode, r).toBe(403);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
