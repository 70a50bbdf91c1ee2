import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../tests/fixtures/imports/files';
import { buildMeetingWorld, type MeetingWorld, meetingInput } from '../../../../tests/helpers/meetingWorld';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { startS3, type TestS3 } from '../../../../tests/helpers/s3Server';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { openPglite } from '../../db/client';
import { S3FileStore } from './s3';
import { listAll, storedHash } from './transfer';

/**
 * The S3 path of the file store against an S3-compatible server (s3rver) started on loopback by this file: uploads
 * and downloads through the real routes (with a range on a video), reference counting, `npm run files:to-s3` on a
 * folder of existing files, and `npm run backup` / `npm run restore` carrying the bucket.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'lt-s3test-'));
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let s3: TestS3;
let t: TestApp;
let w: MeetingWorld;
let as: ReturnType<typeof clientPool>;
let meetingId: string;
let bucket: S3FileStore;

beforeAll(async () => {
  s3 = await startS3(['lien-truong', 'migrated', 'backed-up']);
  bucket = new S3FileStore(s3.config('lien-truong'));
  t = await createTestApp({ dataDir: path.join(work, 'app'), s3: s3.config('lien-truong') });
  w = await buildMeetingWorld(t.db);
  as = clientPool(t);
  const c = await as(w.users.principal);
  meetingId = (await c.post('/api/meetings', meetingInput(w, { scheduleNow: true }))).json().id;
  await c.post(`/api/meetings/${meetingId}/invitations`, { personIds: [w.users.teacher.person.id] });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await s3?.stop();
  rmSync(work, { recursive: true, force: true });
});

function upload(c: TestClient, name: string, content: Buffer) {
  const { body, headers } = multipart(name, content);
  return c.request('POST', `/api/meetings/${meetingId}/attachments`, body, headers);
}

/** An MP4-like file: the ftyp box the type check reads, then bytes that differ at every offset. */
function video(size: number, seed: number): Buffer {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 7 + seed) % 256;
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42')]).copy(body);
  return body;
}

async function cli(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
}

describe('file store on an S3-compatible server', () => {
  it('round-trips an upload through the bucket and serves a byte range of a video (206, Content-Range)', async () => {
    const mp4 = video(5000, 3);
    const res = await upload(await as(w.users.principal), 'Tiết dạy mẫu.mp4', mp4);
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const key = `files/${sha(mp4).slice(0, 2)}/${sha(mp4)}`;
    expect(await bucket.stat(key)).toEqual({ size: 5000 });
    expect(await storedHash(bucket, key)).toBe(sha(mp4));
    // Nothing was written to the data folder: the bucket holds the file.
    expect(existsSync(path.join(work, 'app', 'files'))).toBe(false);

    const teacher = await as(w.users.teacher);
    const whole = await teacher.get(`/api/attachments/${id}`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.rawPayload.equals(mp4)).toBe(true);

    const part = await teacher.request('GET', `/api/attachments/${id}`, undefined, { range: 'bytes=1000-1999' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 1000-1999/5000');
    expect(part.headers['content-length']).toBe('1000');
    expect(part.rawPayload.equals(mp4.subarray(1000, 2000))).toBe(true);

    const tail = await teacher.request('GET', `/api/attachments/${id}`, undefined, { range: 'bytes=-100' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(mp4.subarray(4900))).toBe(true);
    const outside = await teacher.request('GET', `/api/attachments/${id}`, undefined, { range: 'bytes=9000-' });
    expect(outside.statusCode).toBe(416);
    expect(outside.headers['content-range']).toBe('bytes */5000');
    // Readers only, as on disk.
    expect((await (await as(w.users.otherTeacher)).get(`/api/attachments/${id}`)).statusCode).toBe(403);
  });

  it('keeps a file two records share until the last reference goes, and answers 404 for a lost object', async () => {
    const c = await as(w.users.principal);
    const mp4 = video(3000, 11);
    const key = `files/${sha(mp4).slice(0, 2)}/${sha(mp4)}`;
    const first = (await upload(c, 'Bản 1.mp4', mp4)).json().id;
    const second = (await upload(c, 'Bản 2.mp4', mp4)).json().id;
    expect((await listAll(bucket)).filter((o) => o.key === key)).toHaveLength(1);
    expect((await c.delete(`/api/attachments/${first}`)).statusCode).toBe(204);
    expect(await bucket.stat(key)).toEqual({ size: 3000 });
    expect((await c.get(`/api/attachments/${second}`)).rawPayload.equals(mp4)).toBe(true);
    expect((await c.delete(`/api/attachments/${second}`)).statusCode).toBe(204);
    expect(await bucket.stat(key)).toBeNull();

    // A refused type leaves nothing in the bucket.
    const before = (await listAll(bucket)).length;
    expect((await upload(c, 'bao-cao.pdf', Buffer.from('không phải pdf'))).statusCode).toBe(400);
    expect((await listAll(bucket)).length).toBe(before);

    // An object lost from the bucket: the app's Vietnamese 404, not a 500.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
    const lost = (await upload(c, 'ảnh.png', png)).json().id;
    await bucket.delete(`files/${sha(png).slice(0, 2)}/${sha(png)}`);
    const res = await c.get(`/api/attachments/${lost}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('tệp trên máy chủ');
  });

  it('moves a folder of existing files into the bucket with `npm run files:to-s3`, verified, idempotently', async () => {
    const dataDir = path.join(work, 'existing');
    const files: Record<string, Buffer> = {
      'files/ab/abcd': Buffer.from('tệp đính kèm cũ'),
      'library/files/cd/cdef': randomBytes(70_000),
      'private/observations/m1/n1': Buffer.from('ảnh ghi chép'),
    };
    for (const [rel, body] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dataDir, rel)), { recursive: true });
      writeFileSync(path.join(dataDir, rel), body);
    }
    const env = { DATA_DIR: dataDir, ...s3.env('migrated') };
    const once = await cli('moveFilesToS3', [], env);
    expect(once.stdout).toContain('Đã chép 3 tệp');
    const target = new S3FileStore(s3.config('migrated'));
    for (const [rel, body] of Object.entries(files)) expect(await storedHash(target, rel)).toBe(sha(body));
    expect((await listAll(target)).map((o) => o.key)).toEqual(Object.keys(files).sort());
    // Again: nothing copied, everything found in place; the local files are left for the operator to remove.
    const twice = await cli('moveFilesToS3', [], env);
    expect(twice.stdout).toContain('Đã chép 0 tệp');
    expect(twice.stdout).toContain('3 tệp đã có sẵn');
    expect(existsSync(path.join(dataDir, 'files/ab/abcd'))).toBe(true);
    // Without a bucket configured the command refuses, in Vietnamese.
    const refused = await cli('moveFilesToS3', [], { DATA_DIR: dataDir, S3_ENDPOINT: '' }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('chưa cấu hình kho S3');
  }, 120_000);

  it('backs the bucket up into the archive and puts it back on restore', async () => {
    const dataDir = path.join(work, 'pglite');
    await (await openPglite(dataDir)).close();
    const store = new S3FileStore(s3.config('backed-up'));
    const original: Record<string, Buffer> = {
      'files/12/1234': randomBytes(5000),
      'library/files/56/5678': Buffer.from('học liệu'),
      'private/observations/m/n-1': Buffer.from('ảnh học sinh'),
    };
    for (const [key, body] of Object.entries(original)) await store.putBytes(key, body);
    const env = { DATA_DIR: dataDir, ...s3.env('backed-up') };
    const archive = path.join(work, 'backup.tar');
    const made = await cli('backup', [archive], env);
    expect(made.stdout).toContain('3 tệp (từ bucket «backed-up»)');

    await store.delete('files/12/1234');
    await store.putBytes('library/files/56/5678', Buffer.from('đã bị ghi đè'));
    await store.putBytes('files/99/extra', Buffer.from('tệp mới sau sao lưu'));
    await cli('restore', [archive], env);
    expect((await listAll(store)).map((o) => o.key)).toEqual(Object.keys(original).sort());
    for (const [key, body] of Object.entries(original)) expect(await buffer(await store.get(key))).toEqual(body);
  }, 180_000);
});
