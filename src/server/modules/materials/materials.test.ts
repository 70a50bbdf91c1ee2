import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildMaterialsWorld, DOCX, type MaterialsWorld, MP4, uploadMaterial } from '../../../../tests/helpers/materialsWorld';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import type { MaterialView } from '../../../shared/materials';
import { putContent } from '../../lib/files/content';
import { LocalFileStore } from '../../lib/files/local';
import * as fileRepo from '../meetings/fileRepo';

let t: TestApp;
let w: MaterialsWorld;
let as: ReturnType<typeof clientPool>;
let dataDir: string;
const libraryFiles = () => {
  const root = path.join(dataDir, 'library', 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((d) => readdirSync(path.join(root, d)));
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'lt-materials-'));
  t = await createTestApp({ dataDir, uploadLimitBytes: 64 * 1024 });
  w = await buildMaterialsWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

const fields = (over: Record<string, string | number> = {}) => ({
  title: 'Kế hoạch bài dạy: Định lí Pythagore',
  materialKind: 'lesson_plan',
  subjectId: w.subjects.toan.id,
  grade: 8,
  textbookSeries: 'chan_troi',
  lesson: 'Bài 1. Định lí Pythagore',
  visibility: 'network',
  ...over,
});

const titles = (rows: MaterialView[]) => rows.map((m) => m.title).sort();

describe('materials: upload, search without diacritics, visibility', () => {
  let video: MaterialView;

  it('uploads tagged files and finds "toan 8" in "Toán 8", within each file’s visibility', async () => {
    const teacher = await as(w.users.teacher);
    const a = await uploadMaterial(teacher, fields(), 'KHBD Pythagore.docx', DOCX);
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({
      title: 'Kế hoạch bài dạy: Định lí Pythagore',
      subject: { name: 'Toán' },
      grade: 8,
      textbookSeries: 'chan_troi',
      ownerOrg: { name: 'Trường THCS Tân Thạnh Đông' },
      visibility: 'network',
      can: { delete: true },
    });
    const b = await uploadMaterial(
      teacher,
      fields({ title: 'Video tiết dạy Toán 8', materialKind: 'video', visibility: 'province', lesson: 'Bài 3. Hình thang cân' }),
      'tiet-day.mp4',
      MP4,
    );
    expect(b.statusCode, b.body).toBe(201);
    video = b.json();
    const c = await uploadMaterial(
      teacher,
      fields({
        title: 'Đề cương ôn tập Ngữ văn 9',
        materialKind: 'outline',
        subjectId: w.subjects.van.id,
        grade: 9,
        textbookSeries: 'canh_dieu',
        visibility: 'public',
        lesson: '',
      }),
      'de-cuong.docx',
      DOCX,
    );
    expect(c.statusCode, c.body).toBe(201);

    // A teacher of a school in the same network finds all three; "toan 8" finds both Toán 8 files.
    const peer = await as(w.users.networkLeader);
    expect(titles((await peer.get('/api/materials?q=toan%208')).json())).toEqual([
      'Kế hoạch bài dạy: Định lí Pythagore',
      'Video tiết dạy Toán 8',
    ]);
    expect(titles((await peer.get('/api/materials?q=dinh%20li%20PYTHAGORE')).json())).toEqual(['Kế hoạch bài dạy: Định lí Pythagore']);
    expect(titles((await peer.get('/api/materials?q=canh%20dieu')).json())).toEqual(['Đề cương ôn tập Ngữ văn 9']);
    expect(titles((await peer.get(`/api/materials?subjectId=${w.subjects.toan.id}&grade=8&materialKind=video`)).json())).toEqual([
      'Video tiết dạy Toán 8',
    ]);
    expect((await peer.get('/api/materials?q=hoa%20hoc')).json()).toEqual([]);
    // Another commune of the province: the province and public ones, not the network one.
    const other = await as(w.users.otherTeacher);
    expect(titles((await other.get('/api/materials?q=toan')).json())).toEqual(['Video tiết dạy Toán 8']);
    expect((await other.get(`/api/materials/${a.json().id}`)).statusCode).toBe(403);
    expect((await other.get(`/api/materials/${a.json().id}/file`)).statusCode).toBe(403);
    expect(libraryFiles()).toHaveLength(2); // two DOCX with the same bytes share one stored file
  });

  it('serves the video with HTTP ranges so the player can seek', async () => {
    const c = await as(w.users.otherTeacher);
    const all = await c.request('GET', `/api/materials/${video.id}/file`);
    expect(all.statusCode).toBe(200);
    expect(all.headers['accept-ranges']).toBe('bytes');
    expect(all.rawPayload.equals(MP4)).toBe(true);
    const part = await c.request('GET', `/api/materials/${video.id}/file`, undefined, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${MP4.length}`);
    expect(part.rawPayload.equals(MP4.subarray(100, 200))).toBe(true);
    const tail = await c.request('GET', `/api/materials/${video.id}/file`, undefined, { range: 'bytes=3900-' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.length).toBe(100);
    const outside = await c.request('GET', `/api/materials/${video.id}/file`, undefined, { range: 'bytes=5000-6000' });
    expect(outside.statusCode).toBe(416);
  });

  it('keeps time-coded comments on a video, in time order', async () => {
    const c = await as(w.users.otherTeacher);
    expect(
      (await c.post(`/api/materials/${video.id}/comments`, { body: 'Học sinh thảo luận nhóm rất sôi nổi', atSeconds: 95 })).statusCode,
    ).toBe(201);
    const res = await (await as(w.users.teacher)).post(`/api/materials/${video.id}/comments`, {
      body: 'Phần mở đầu hấp dẫn',
      atSeconds: 12,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().map((x: { atSeconds: number; authorName: string }) => [x.atSeconds, x.authorName])).toEqual([
      [12, 'Giáo viên 1'],
      [95, 'Giáo viên 2'],
    ]);
    const bad = await c.post(`/api/materials/${video.id}/comments`, { body: '', atSeconds: -1 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['atSeconds', 'body']);
  });

  const refused: Array<[string, string, Buffer, Record<string, string | number>, number, string, RegExp]> = [
    [
      'a file over the size limit',
      'video-lon.mp4',
      Buffer.concat([MP4, Buffer.alloc(70 * 1024, 1)]),
      {},
      413,
      'file',
      /quá lớn: tối đa 1 MB/,
    ],
    ['a refused type', 'cai-dat.exe', Buffer.from('MZ\x90\x00'), {}, 400, 'file', /«cai-dat\.exe» không được nhận/],
    ['a file whose bytes do not match', 'bao-cao.pdf', Buffer.from('not a pdf at all'), {}, 400, 'file', /không đúng định dạng/],
    ['a bad visibility', 'ok.docx', DOCX, { visibility: 'everyone' }, 400, 'visibility', /«Phạm vi chia sẻ» không hợp lệ/],
    ['a missing title', 'ok.docx', DOCX, { title: '' }, 400, 'title', /«Tiêu đề» là bắt buộc/],
    [
      'an unknown subject',
      'ok.docx',
      DOCX,
      { subjectId: '00000000-0000-4000-8000-000000000000' },
      400,
      'subjectId',
      /Môn học không tồn tại/,
    ],
  ];
  it.each(refused)('refuses %s with a clear message and leaves nothing behind', async (_, name, content, over, status, field, message) => {
    const before = await tableCounts(t.db);
    const files = libraryFiles();
    const res = await uploadMaterial(await as(w.users.teacher), fields(over), name, content);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().fields[0].field).toBe(field);
    expect(res.json().message).toMatch(message);
    expect(await tableCounts(t.db)).toEqual(before);
    expect(libraryFiles()).toEqual(files);
  });

  it('publishes a meeting attachment to the library (its own copy); others cannot publish it', async () => {
    const meeting = await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1.id,
      schoolYearId: w.year.id,
      networkId: w.networks.network1.id,
      status: 'scheduled',
    });
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Báo cáo chuyên đề')]);
    const sha256 = (await putContent(new LocalFileStore(dataDir), 'files', data)).sha256;
    const att = await fileRepo.insertAttachment(t.db, {
      meetingId: meeting.id,
      fileName: 'Chuyên đề dạy học STEM.pdf',
      mimeType: 'application/pdf',
      size: data.length,
      sha256,
      storageKey: `${sha256.slice(0, 2)}/${sha256}`,
      uploadedBy: w.users.teacher.person.id,
    });
    const body = { attachmentId: att.id, title: 'Chuyên đề dạy học STEM', materialKind: 'slides', visibility: 'public' };
    expect((await (await as(w.users.otherTeacher)).post('/api/materials/publish', body)).statusCode).toBe(403);
    // Only meeting attachments can be published: any other id (an observation note with a photo of students…) is unknown here.
    const before = await tableCounts(t.db);
    const unknown = await (await as(w.users.teacher)).post('/api/materials/publish', {
      ...body,
      attachmentId: '00000000-0000-4000-8000-000000000001',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await tableCounts(t.db)).toEqual(before);
    const res = await (await as(w.users.teacher)).post('/api/materials/publish', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ meetingId: meeting.id, fileName: 'Chuyên đề dạy học STEM.pdf', mimeType: 'application/pdf' });
    const copy = await (await as(w.users.otherTeacher)).get(`/api/materials/${res.json().id}/file`);
    expect(copy.rawPayload.equals(data)).toBe(true);
    expect(titles((await (await as(w.users.otherTeacher)).get('/api/materials?q=stem')).json())).toEqual(['Chuyên đề dạy học STEM']);
  });

  it('lets the uploader delete a material; its file goes when no other material uses it', async () => {
    const teacher = await as(w.users.teacher);
    expect((await (await as(w.users.networkLeader)).delete(`/api/materials/${video.id}`)).statusCode).toBe(403);
    const before = libraryFiles().length;
    expect((await teacher.delete(`/api/materials/${video.id}`)).statusCode).toBe(204);
    expect(libraryFiles()).toHaveLength(before - 1);
    expect((await teacher.get(`/api/materials/${video.id}`)).statusCode).toBe(404);
  });

  it('answers 404 naming the file, not 500, when a stored file is gone from the data folder', async () => {
    const teacher = await as(w.users.teacher);
    const distinct = Buffer.concat([DOCX, Buffer.from('lost-on-disk')]);
    const up = await uploadMaterial(teacher, fields({ title: 'Tệp sẽ mất khỏi ổ đĩa' }), 'mat.docx', distinct);
    expect(up.statusCode, up.body).toBe(201);
    expect((await teacher.get(`/api/materials/${up.json().id}/file`)).statusCode).toBe(200);
    // Remove the file this upload stored (named by its content hash), as a lost disk or a partial restore would.
    const sha = createHash('sha256').update(distinct).digest('hex');
    expect(libraryFiles()).toContain(sha);
    await rm(path.join(dataDir, 'library', 'files', sha.slice(0, 2), sha));
    const res = await teacher.get(`/api/materials/${up.json().id}/file`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Không tìm thấy tệp trên máy chủ');
  });
});
