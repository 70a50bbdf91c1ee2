import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInvitations } from '../../../../tests/factories';
import { buildMeetingWorld, type MeetingRole, type MeetingWorld, meetingInput } from '../../../../tests/helpers/meetingWorld';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import type { MeetingDetail } from '../../../shared/meetings';

let t: TestApp;
let w: MeetingWorld;
let as: ReturnType<typeof clientPool>;
let meeting: MeetingDetail;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMeetingWorld(t.db);
  as = clientPool(t);
  const res = await (await as(w.users.principal)).post('/api/meetings', meetingInput(w));
  meeting = res.json();
  // The guest (another commune, not in the network) is invited by name.
  await buildInvitations(t.db, meeting.id, [w.users.guest.person.id, w.users.teacher.person.id]);
});
afterAll(() => t.close());

/**
 * role → [reads the detail, edits, sees the guest's contacts, names the secretary]. Contacts go to editors who may
 * also read the person (issue 14): the guest works in another commune, so only the Sở and admins see theirs.
 */
const table: Array<[MeetingRole, boolean, boolean, boolean, boolean]> = [
  ['admin', true, true, true, true],
  ['specialist', true, true, true, true], // office staff above (province)
  ['communeLeader', true, true, false, true], // office above the host
  ['principal', true, true, false, true], // host manager
  ['networkLeader', true, true, false, false], // leads the meeting's network
  ['chair', true, true, false, true],
  ['secretary', true, true, false, false],
  ['teamHead', true, false, false, false], // host school, not a manager
  ['teacher', true, false, false, false], // host school, invited
  ['networkTeacher', true, false, false, false], // the network's other school
  ['guest', true, false, false, false], // invited from another commune
  ['otherTeacher', false, false, false, false], // another school, not invited
  ['otherPrincipal', false, false, false, false], // another school's manager
];

describe('meeting policy per role', () => {
  it.each(table)('%s: read %s, edit %s, contacts %s, name secretary %s', async (role, read, edit, contacts, nameSecretary) => {
    const c = await as(w.users[role]);
    const res = await c.get(`/api/meetings/${meeting.id}`);
    expect(res.statusCode).toBe(read ? 200 : 403);
    if (read) {
      const d = res.json() as MeetingDetail;
      expect(d.can.edit).toBe(edit);
      expect(d.can.nameSecretary).toBe(nameSecretary);
      const guest = d.invitations.find((i) => i.person.id === w.users.guest.person.id);
      expect(guest?.person.email ?? null).toBe(contacts ? 'gv2b@tn.vn' : null);
      // The host school's teacher: contacts for the editors who work in or manage that school, or sit above it.
      const own = d.invitations.find((i) => i.person.id === w.users.teacher.person.id);
      expect(own?.person.email ?? null).toBe(edit && role !== 'networkLeader' ? 'gv1@tn.vn' : null);
      expect(JSON.stringify(d)).not.toMatch(/checkin/i);
    } else {
      expect(res.body).not.toContain('gv2b@tn.vn');
    }
    const put = await c.put(`/api/meetings/${meeting.id}`, meetingInput(w, { title: `Sửa bởi ${role}` }));
    expect(put.statusCode, put.body).toBe(edit ? 200 : 403);
    const inv = await c.post(`/api/meetings/${meeting.id}/invitations`, { personIds: [w.users.vanTeacher.person.id] });
    expect(inv.statusCode).toBe(edit ? 201 : 403);
    const mine = (await c.get('/api/meetings?from=2025-10-01&to=2025-10-31')).json() as Array<{ id: string }>;
    expect(mine.some((m) => m.id === meeting.id)).toBe(read);
  });

  it('a teacher cannot create a meeting for the host; another school manager cannot host at school 1', async () => {
    expect((await (await as(w.users.teacher)).post('/api/meetings', meetingInput(w, { secretaryPersonId: null }))).statusCode).toBe(403);
    expect((await (await as(w.users.otherPrincipal)).post('/api/meetings', meetingInput(w, { secretaryPersonId: null }))).statusCode).toBe(
      403,
    );
  });

  it('network chat links: leaders edit, member schools read, others are refused', async () => {
    const url = `/api/networks/${w.networks.network1.id}/chat-links`;
    const body = { links: [{ subjectId: w.subjects.toan.id, url: 'https://zalo.me/g/toan-nhom1', label: 'Nhóm Zalo Toán' }] };
    expect((await (await as(w.users.networkTeacher)).put(url, body)).statusCode).toBe(403);
    const put = await (await as(w.users.networkLeader)).put(url, body);
    expect(put.statusCode, put.body).toBe(200);
    const read = await (await as(w.users.networkTeacher)).get(url);
    expect(read.json()).toMatchObject({
      links: [{ url: 'https://zalo.me/g/toan-nhom1', subject: { name: 'Toán' } }],
      can: { edit: false },
    });
    expect((await (await as(w.users.otherTeacher)).get(url)).statusCode).toBe(403);
    const bad = await (await as(w.users.networkLeader)).put(url, { links: [{ url: 'zalo://x' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('links.0.url');
  });
});
