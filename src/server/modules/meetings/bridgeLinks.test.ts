import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildMeetingWorld, type MeetingWorld, meetingInput } from '../../../../tests/helpers/meetingWorld';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import type { MeetingDetail } from '../../../shared/meetings';

let t: TestApp;
let w: MeetingWorld;
let as: ReturnType<typeof clientPool>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMeetingWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

const GENERAL = 'https://meet.google.com/nhom-xa-1';
const COMMUNE1 = 'https://teams.microsoft.com/l/meetup-join/phu-hoa-dong';

describe("a network's online meeting links, typed once and reused by the bridge-point rule", () => {
  it("are kept by the network's leaders, for the network, a subject or a bridge point of its area only", async () => {
    const leader = await as(w.users.networkLeader);
    const url = `/api/networks/${w.networks.network1.id}/meeting-links`;
    const before = await tableCounts(t.db);
    const outside = await leader.put(url, {
      links: [{ url: GENERAL }, { orgId: w.orgs.commune2.id, url: COMMUNE1 }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].field).toBe('links.1.orgId');
    const twice = await leader.put(url, { links: [{ url: GENERAL }, { url: COMMUNE1 }] });
    expect(twice.json().fields[0].field).toBe('links.1.url');
    expect(await tableCounts(t.db)).toEqual(before);
    const ok = await leader.put(url, {
      links: [
        { url: GENERAL },
        { orgId: w.orgs.commune1.id, url: COMMUNE1 },
        { subjectId: w.subjects.toan.id, orgId: w.orgs.commune1.id, url: `${COMMUNE1}-toan` },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const teacher = await as(w.users.networkTeacher);
    const read = await teacher.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ can: { edit: false } });
    expect(
      read
        .json()
        .links.map((l: { url: string; org: { name: string } | null }) => [l.org?.name ?? null, l.url])
        .sort(),
    ).toEqual(
      [
        [null, GENERAL],
        ['Xã Phú Hòa Đông', COMMUNE1],
        ['Xã Phú Hòa Đông', `${COMMUNE1}-toan`],
      ].sort(),
    );
    expect((await teacher.put(url, { links: [] })).statusCode).toBe(403);
    const choices: Array<{ id: string }> = read.json().orgs;
    expect(
      choices
        .slice(0, 2)
        .map((o) => o.id)
        .sort(),
    ).toEqual([w.orgs.school1.id, w.orgs.school1b.id].sort());
    expect(choices.map((o) => o.id)).toContain(w.orgs.commune1.id);
    expect(choices.map((o) => o.id)).not.toContain(w.orgs.commune2.id);
    expect(choices.map((o) => o.id)).not.toContain(w.orgs.school2.id);
  });

  it("fill a new bridge point's link, and the attendee's calendar places the meeting at their bridge point", async () => {
    const principal = await as(w.users.principal);
    const created = await principal.post(
      '/api/meetings',
      meetingInput(w, { startsAt: '2025-11-12T07:00:00+07:00', endsAt: '2025-11-12T11:00:00+07:00' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json() as MeetingDetail;
    const sở = await as(w.users.specialist);
    expect(
      (await sở.post(`/api/meetings/${m.id}/invitations`, { personIds: [w.users.guest.person.id, w.users.teacher.person.id] })).statusCode,
    ).toBe(201);
    const preview = await principal.post(`/api/meetings/${m.id}/apply-bridge-rule`, { preview: true });
    expect(preview.json().result).toMatchObject({
      missingLinks: [],
      bridges: [{ name: 'Điểm cầu Xã An Nhơn Tây', created: true, hasLink: true, linkFrom: 'network' }],
    });
    const applied = await principal.post(`/api/meetings/${m.id}/apply-bridge-rule`);
    expect(applied.statusCode, applied.body).toBe(200);
    const d = applied.json().meeting as MeetingDetail;
    const bridge = d.venues.find((v) => !v.isCentral);
    expect(bridge?.onlineUrl).toBe(GENERAL);
    expect((await principal.post(`/api/meetings/${m.id}/schedule`)).statusCode).toBe(200);
    const guest = await as(w.users.guest);
    const { token } = (await guest.post('/api/calendar/tokens', { kind: 'person' })).json();
    const ics = (await t.client().get(`/api/calendar/person/${token}.ics`)).body.replace(/\r\n /g, '');
    expect(ics).toContain('LOCATION:Điểm cầu Xã An Nhơn Tây');
    const teacher = await as(w.users.teacher);
    const own = (await teacher.post('/api/calendar/tokens', { kind: 'person' })).json();
    const theirs = (await t.client().get(`/api/calendar/person/${own.token}.ics`)).body.replace(/\r\n /g, '');
    expect(theirs).toContain('LOCATION:Trường THCS Tân Thạnh Đông');
  });
});
