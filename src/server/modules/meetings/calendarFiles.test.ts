import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/factories';
import { multipart } from '../../../../tests/fixtures/imports/files';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildMeetingWorld, type MeetingWorld, meetingInput } from '../../../../tests/helpers/meetingWorld';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { MeetingDetail } from '../../../shared/meetings';
import { accounts, memberships } from '../../db/schema';

let t: TestApp;
let w: MeetingWorld;
let as: ReturnType<typeof clientPool>;
let meeting: MeetingDetail;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'lt-meet-'));
  t = await createTestApp({ dataDir, uploadLimitBytes: 64 * 1024 });
  w = await buildMeetingWorld(t.db);
  as = clientPool(t);
  const c = await as(w.users.principal);
  meeting = (
    await c.post(
      '/api/meetings',
      meetingInput(w, {
        scheduleNow: true,
        venues: [{ isCentral: false, name: 'Điểm cầu Xã An Nhơn Tây', onlineUrl: 'https://teams.microsoft.com/l/x' }],
      }),
    )
  ).json();
  await c.post(`/api/meetings/${meeting.id}/invitations`, { personIds: [w.users.teacher.person.id] });
});
afterAll(() => t.close());

/** Unfolds iCal lines (RFC 5545 §3.1) and returns them. */
function icsLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('iCal feeds', () => {
  it('serves my feed with a secret token: VEVENT with UID, UTC times, summary, location, link; stable; 404 on a wrong token', async () => {
    const teacher = await as(w.users.teacher);
    const tok = await teacher.post('/api/calendar/tokens', { kind: 'person' });
    expect(tok.statusCode, tok.body).toBe(200);
    const { token, url } = tok.json();
    expect(url).toMatch(new RegExp(`/api/calendar/person/${token}\\.ics$`));
    const anon = t.client();
    const res = await anon.get(`/api/calendar/person/${token}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const lines = icsLines(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain(`UID:${meeting.id}@lientruong`);
    expect(lines).toContain('DTSTART:20251015T000000Z');
    expect(lines).toContain('DTEND:20251015T040000Z');
    expect(lines).toContain('SUMMARY:Trưng bày hồ sơ tổ chuyên môn và báo cáo video');
    expect(lines.find((l) => l.startsWith('LOCATION:'))).toBe('LOCATION:Trường THCS Tân Thạnh Đông');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain('https://teams.microsoft.com/l/x');
    expect(lines).toContain('STATUS:CONFIRMED');
    const again = await anon.get(`/api/calendar/person/${token}.ics`);
    expect(again.body).toBe(res.body);
    expect((await anon.get('/api/calendar/person/AAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode).toBe(404);
    expect((await anon.get(`/api/calendar/network/${token}.ics`)).statusCode).toBe(404);
    // Same token until rotated.
    expect((await teacher.post('/api/calendar/tokens', { kind: 'person' })).json().token).toBe(token);
    const rotated = (await teacher.post('/api/calendar/tokens', { kind: 'person', rotate: true })).json().token;
    expect(rotated).not.toBe(token);
    expect((await anon.get(`/api/calendar/person/${token}.ics`)).statusCode).toBe(404);
  });

  it('serves a network feed to its members only; a cancelled meeting is STATUS:CANCELLED', async () => {
    expect(
      (await (await as(w.users.otherTeacher)).post('/api/calendar/tokens', { kind: 'network', networkId: w.networks.network1.id }))
        .statusCode,
    ).toBe(403);
    const { token } = (
      await (await as(w.users.networkTeacher)).post('/api/calendar/tokens', { kind: 'network', networkId: w.networks.network1.id })
    ).json();
    const other = (
      await (
        await as(w.users.principal)
      ).post(
        '/api/meetings',
        meetingInput(w, {
          title: 'Buổi bị hủy',
          scheduleNow: true,
          mode: 'in_person',
          startsAt: '2025-11-05T07:00:00+07:00',
          endsAt: '2025-11-05T11:00:00+07:00',
        }),
      )
    ).json();
    await (await as(w.users.principal)).post(`/api/meetings/${other.id}/cancel`, { reason: 'Trùng lịch' });
    const lines = icsLines((await t.client().get(`/api/calendar/network/${token}.ics`)).body);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SUMMARY:[Đã hủy] Buổi bị hủy');
  });
});

describe('iCal feed tokens are personal and revoked with access', () => {
  const networkToken = async (u: { email: string; password: string }, rotate = false) =>
    (
      (await (await as(u)).post('/api/calendar/tokens', { kind: 'network', networkId: w.networks.network1.id, rotate })).json() as {
        token: string;
      }
    ).token;
  const feedStatus = async (kind: string, token: string) => (await t.client().get(`/api/calendar/${kind}/${token}.ics`)).statusCode;

  it('gives each reader of a network their own token: one rotating leaves the other working', async () => {
    const mine = await networkToken(w.users.networkTeacher);
    const theirs = await networkToken(w.users.principal);
    expect(mine).not.toBe(theirs);
    const rotated = await networkToken(w.users.principal, true);
    expect(rotated).not.toBe(theirs);
    expect(await feedStatus('network', mine)).toBe(200);
    expect(await feedStatus('network', theirs)).toBe(404);
    expect(await feedStatus('network', rotated)).toBe(200);
  });

  it('stops serving every feed of a disabled account, and a network feed to someone who left the network', async () => {
    const leaver = await buildUser(t.db, { email: 'roi-mang@tn.vn', positions: [{ orgId: w.orgs.team1b.id, position: 'teacher' }] });
    const personal = ((await (await as(leaver)).post('/api/calendar/tokens', { kind: 'person' })).json() as { token: string }).token;
    const network = await networkToken(leaver);
    expect(await feedStatus('person', personal)).toBe(200);
    expect(await feedStatus('network', network)).toBe(200);
    // Leaves the school (its position ends): no longer a reader of the network.
    await t.db.delete(memberships).where(eq(memberships.personId, leaver.person.id));
    expect(await feedStatus('network', network)).toBe(404);
    // The account is disabled: the personal feed stops too.
    await t.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.personId, leaver.person.id));
    expect(await feedStatus('person', personal)).toBe(404);
  });
});

function upload(c: TestClient, name: string, content: Buffer) {
  const { body, headers } = multipart(name, content);
  return c.request('POST', `/api/meetings/${meeting.id}/attachments`, body, headers);
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('ảnh thử')]);

describe('attachments', () => {
  it('stores an image under files/<prefix>/<sha256> and serves it with its name to readers only', async () => {
    const c = await as(w.users.principal);
    const res = await upload(c, 'Ảnh buổi sinh hoạt.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const dirs = readdirSync(path.join(dataDir, 'files'));
    expect(dirs).toHaveLength(1);
    const files = readdirSync(path.join(dataDir, 'files', dirs[0]));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(files[0].startsWith(dirs[0])).toBe(true);
    const dl = await (await as(w.users.teacher)).get(`/api/attachments/${id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Ảnh buổi sinh hoạt.png')}`);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect((await (await as(w.users.otherTeacher)).get(`/api/attachments/${id}`)).statusCode).toBe(403);
    expect((await upload(await as(w.users.teacher), 'x.png', PNG)).statusCode).toBe(403);
    expect((await (await as(w.users.teacher)).delete(`/api/attachments/${id}`)).statusCode).toBe(403);
    expect((await c.delete(`/api/attachments/${id}`)).statusCode).toBe(204);
    expect(existsSync(path.join(dataDir, 'files', dirs[0], files[0]))).toBe(false);
  });

  const refused: Array<[string, Buffer, number, RegExp]> = [
    ['virus.exe', Buffer.from('MZ\x90\x00'), 400, /«virus\.exe» không được nhận/],
    ['bao-cao.pdf', Buffer.from('not a pdf at all'), 400, /«bao-cao\.pdf» không đúng định dạng/],
    ['ke-hoach.docx', Buffer.from('PK\x03\x04xl/workbook.xml'), 400, /«ke-hoach\.docx» không đúng định dạng/],
    ['video.mp4', Buffer.alloc(70 * 1024, 1), 413, /quá lớn/],
  ];
  it.each(refused)('refuses %s (status %i) with a Vietnamese message, storing nothing', async (name, content, status, message) => {
    const before = await tableCounts(t.db);
    const res = await upload(await as(w.users.principal), name, content);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(message);
    expect(await tableCounts(t.db)).toEqual(before);
    const dirs = existsSync(path.join(dataDir, 'files')) ? readdirSync(path.join(dataDir, 'files'), { recursive: true }) : [];
    expect(dirs.filter((d) => String(d).length > 10)).toEqual([]);
  });

  it('accepts pdf, docx, webp and mp4 by their first bytes', async () => {
    const c = await as(w.users.principal);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42')]);
    for (const [name, data] of [
      ['bai.pdf', Buffer.from('%PDF-1.7\n')],
      ['kh.docx', Buffer.from('PK\x03\x04....word/document.xml')],
      ['a.webp', webp],
      ['v.mp4', mp4],
    ] as const) {
      const res = await upload(c, name, data);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    }
    const d = (await c.get(`/api/meetings/${meeting.id}`)).json() as MeetingDetail;
    expect(d.attachments.map((a) => a.mimeType)).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/webp',
      'video/mp4',
    ]);
  });
});
