import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, buildPlanItem, buildSchoolYear } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildMeetingWorld, type MeetingWorld, meetingInput } from '../../../../tests/helpers/meetingWorld';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import type { MeetingDetail, NotificationList } from '../../../shared/meetings';
import { queryRows } from '../../db/client';

let t: TestApp;
let w: MeetingWorld;
let as: ReturnType<typeof clientPool>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMeetingWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

async function create(o: Parameters<typeof meetingInput>[1] = {}) {
  const res = await (await as(w.users.principal)).post('/api/meetings', meetingInput(w, o));
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as MeetingDetail;
}

describe('creating meetings', () => {
  it('creates an ad hoc hybrid draft with seed 004 agenda, term from the date, a central venue and a check-in secret', async () => {
    const m = await create();
    expect(m.status).toBe('draft');
    expect(m.termNumber).toBe(1);
    expect(m.schoolYearId).toBe(w.year.id);
    expect(m.agenda.map((a) => `${a.startsAt}-${a.endsAt}`)).toEqual(['07:00-07:30', '07:30-07:45', '07:45-10:30', '10:30-11:00']);
    expect(m.venues).toMatchObject([{ isCentral: true, name: 'Trường THCS Tân Thạnh Đông' }]);
    expect(m.presenters[0]).toMatchObject({ person: { id: w.users.teacher.person.id }, org: { id: w.orgs.team1.id } });
    expect(m.subjects.map((s) => s.name)).toEqual(['Toán']);
    expect(m.can).toMatchObject({ edit: true, schedule: true, applyBridgeRule: true, delete: true });
    const [row] = await queryRows<{ s: string }>(t.db, sql`select checkin_secret as s from meetings where id = ${m.id}`);
    expect(row.s).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(m)).not.toContain(row.s);
  });

  it('derives term 2 from a date in the second term', async () => {
    const m = await create({ startsAt: '2026-03-10T13:30:00+07:00', endsAt: '2026-03-10T16:30:00+07:00', agenda: [] });
    expect(m.termNumber).toBe(2);
  });

  it('copies a plan item: kind, subjects, grade, content, host, presenter, date and time, place, mode, count', async () => {
    const plan = await buildPlan(t.db, {
      schoolYearId: w.year.id,
      reviewerOrgId: w.orgs.commune1.id,
      networkId: w.networks.network1.id,
      status: 'approved',
    });
    const item = await buildPlanItem(t.db, {
      planId: plan.id,
      kind: 'lesson_study',
      content: 'Nghiên cứu bài học: Định lí Pythagore',
      hostOrgId: w.orgs.school1.id,
      proposedDate: '2025-11-12',
      subjectIds: [w.subjects.toan.id],
    });
    await t.db.execute(
      sql`update plan_items set grade = 8, proposed_time = '13:30', place = 'Phòng 12', presenter_person_id = ${w.users.teacher.person.id}, planned_count = 25 where id = ${item.id}`,
    );
    const res = await (await as(w.users.principal)).post('/api/meetings', { planItemId: item.id });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as MeetingDetail;
    expect(m).toMatchObject({
      planItemId: item.id,
      kind: 'lesson_study',
      grade: 8,
      title: 'Nghiên cứu bài học: Định lí Pythagore',
      plannedCount: 25,
    });
    expect(m.network?.id).toBe(w.networks.network1.id);
    expect(m.startsAt).toBe('2025-11-12T06:30:00.000Z');
    expect(m.venues[0]).toMatchObject({ isCentral: true, name: 'Phòng 12' });
    expect(m.presenters[0].person?.id).toBe(w.users.teacher.person.id);

    // An item of a network plan with no host: the network's lead school hosts it.
    const noHost = await buildPlanItem(t.db, { planId: plan.id, content: 'Giao lưu chuyên đề', proposedDate: '2025-12-03' });
    const res2 = await (await as(w.users.principal)).post('/api/meetings', { planItemId: noHost.id });
    expect(res2.statusCode, res2.body).toBe(201);
    expect((res2.json() as MeetingDetail).hostOrg.id).toBe(w.orgs.school1.id);
    expect((await (await as(w.users.principal)).delete(`/api/meetings/${res2.json().id}`)).statusCode).toBe(204);
  });

  it("refuses a plan item of another network's plan, or of a plan not approved, and leaves nothing written", async () => {
    const mk = async (networkId: string, status: 'approved' | 'submitted') => {
      const plan = await buildPlan(t.db, { schoolYearId: w.year.id, reviewerOrgId: w.orgs.province.id, networkId, status });
      return buildPlanItem(t.db, {
        planId: plan.id,
        content: `Chuyên đề ${status}`,
        hostOrgId: w.orgs.school2.id,
        proposedDate: '2025-11-19',
      });
    };
    const count = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from meetings`))[0].n;
    const before = await count();
    // Network 2's approved plan: principal 1 may create network 1's meetings at school 1, but not carry out (and copy)
    // an item of network 2's plan in one.
    const other = await mk(w.networks.network2.id, 'approved');
    const foreign = await (await as(w.users.principal)).post('/api/meetings', {
      planItemId: other.id,
      hostOrgId: w.orgs.school1.id,
      networkId: w.networks.network1.id,
    });
    expect(foreign.statusCode, foreign.body).toBe(403);
    // Its own principal may, once the plan is approved; a submitted plan's item is refused naming the field.
    const waiting = await mk(w.networks.network2.id, 'submitted');
    const notYet = await (await as(w.users.otherPrincipal)).post('/api/meetings', { planItemId: waiting.id });
    expect(notYet.statusCode, notYet.body).toBe(400);
    expect(notYet.json().fields[0]).toMatchObject({ field: 'planItemId', message: expect.stringContaining('chưa được duyệt') });
    expect(await count()).toBe(before);
    const ok = await (await as(w.users.otherPrincipal)).post('/api/meetings', { planItemId: other.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  const bad: Array<[string, Parameters<typeof meetingInput>[1], string]> = [
    ['ends before it starts', { endsAt: '2025-10-15T06:00:00+07:00' }, 'endsAt'],
    [
      'agenda out of order',
      {
        agenda: [
          { startsAt: '08:00', endsAt: '09:00', title: 'B' },
          { startsAt: '07:30', endsAt: '08:30', title: 'A' },
        ],
      },
      'agenda.1.startsAt',
    ],
    ['agenda outside the meeting', { agenda: [{ startsAt: '10:30', endsAt: '11:30', title: 'Tổng kết' }] }, 'agenda.0.startsAt'],
    ['agenda item ending before it starts', { agenda: [{ startsAt: '09:00', endsAt: '08:00', title: 'X' }] }, 'agenda.0.endsAt'],
    ['grade 13', { grade: 13 }, 'grade'],
    ['unknown host', { hostOrgId: '00000000-0000-4000-8000-000000000000' }, 'hostOrgId'],
    ['unknown chair', { chairPersonId: '00000000-0000-4000-8000-000000000000' }, 'chairPersonId'],
    [
      'a link that is not http(s)',
      { venues: [{ isCentral: false, name: 'Điểm cầu', onlineUrl: 'javascript:alert(1)' }] },
      'venues.0.onlineUrl',
    ],
    [
      'a bridge point without a link when scheduling at once',
      { scheduleNow: true, venues: [{ isCentral: false, name: 'Điểm cầu xã 2' }] },
      'venues.1.onlineUrl',
    ],
    ['an online meeting without any link when scheduling at once', { scheduleNow: true, mode: 'online', venues: [] }, 'venues'],
    [
      'a bridge point in an in-person meeting',
      { mode: 'in_person', venues: [{ isCentral: false, name: 'Điểm cầu', onlineUrl: 'https://t.me/x' }] },
      'venues',
    ],
    ['a date outside every school year', { startsAt: '2030-10-15T07:00:00+07:00', endsAt: '2030-10-15T11:00:00+07:00' }, 'startsAt'],
  ];
  it.each(bad)('refuses %s with a 4xx naming the field, storing nothing', async (_name, o, field) => {
    const before = await tableCounts(t.db);
    const res = await (await as(w.users.principal)).post('/api/meetings', meetingInput(w, o));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(res.json().message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('lets only the chair or host managers name the secretary', async () => {
    const res = await (await as(w.users.networkLeader)).post('/api/meetings', meetingInput(w, { chairPersonId: w.users.chair.person.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('secretaryPersonId');
    const m = await create({ secretaryPersonId: null });
    const chair = await as(w.users.chair);
    const put = await chair.put(`/api/meetings/${m.id}`, meetingInput(w, { secretaryPersonId: w.users.teamHead.person.id }));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().secretary.id).toBe(w.users.teamHead.person.id);
  });
});

describe('invitations, bridge rule, scheduling and notices', () => {
  let m: MeetingDetail;
  beforeAll(async () => {
    m = await create();
  });

  it('invites by rule (Toán teachers of the network) without duplicates, and by name', async () => {
    const c = await as(w.users.principal);
    const rule = { positions: ['teacher'], subjectIds: [w.subjects.toan.id], scope: { networkId: w.networks.network1.id } };
    const res = await c.post(`/api/meetings/${m.id}/invitation-rules`, { rule });
    expect(res.statusCode, res.body).toBe(201);
    // The meeting is of grade 8: the rule applies the THCS level (issue 16, point 4) and says so.
    expect(res.json()).toMatchObject({ added: 1, description: 'Giáo viên môn Toán — các trường của Nhóm xã 1 — cấp THCS' });
    expect((await c.post(`/api/meetings/${m.id}/invitation-rules`, { rule })).json().added).toBe(0);
    const heads = await c.post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: ['team_head'], scope: { underOrgId: w.orgs.commune1.id, levels: ['lower_secondary'] } },
    });
    expect(heads.json()).toMatchObject({ added: 1, description: 'Tổ trưởng — các trường THCS thuộc Xã Phú Hòa Đông' });
    const leaders = await c.post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: ['office_leader'], scope: { orgIds: [w.orgs.commune1.id] } },
    });
    expect(leaders.json().added).toBe(1);
    // A teacher of another commune is outside what the principal may invite (issue 14); the Sở above invites them.
    const foreign = await c.post(`/api/meetings/${m.id}/invitations`, { personIds: [w.users.guest.person.id] });
    expect(foreign.statusCode).toBe(403);
    const named = await (await as(w.users.specialist)).post(`/api/meetings/${m.id}/invitations`, {
      personIds: [w.users.guest.person.id, w.users.teacher.person.id],
    });
    // Giáo viên 1 presents, so is invited already (issue 15: the chair, secretary and presenters always take part).
    expect(named.json().added).toBe(1);
    const d = (await c.get(`/api/meetings/${m.id}`)).json() as MeetingDetail;
    expect(d.invitations.map((i) => i.person.fullName).sort()).toEqual(
      [
        'Chủ trì Phạm Văn Bình',
        'Giáo viên 1',
        'Giáo viên Toán An Phú',
        'Giáo viên Toán Tân Thạnh Tây',
        'Lãnh đạo xã 1',
        'Thư ký Trần Thị Cúc',
        'Tổ trưởng 1',
      ].sort(),
    );
    expect(d.invitationRules.map((r) => r.count)).toEqual([1, 0, 1, 1]);
    // The page's names come from the same statement as the row and its policy facts (repo.meetingPage).
    expect(d.hostOrg).toEqual({ id: w.orgs.school1.id, name: 'Trường THCS Tân Thạnh Đông' });
    expect(d.network).toEqual({ id: w.networks.network1.id, name: 'Nhóm xã 1' });
    expect(d.chair).toEqual({ id: w.users.chair.person.id, name: 'Chủ trì Phạm Văn Bình' });
    expect(d.secretary).toEqual({ id: w.users.secretary.person.id, name: 'Thư ký Trần Thị Cúc' });
    expect(d.presenters[0]).toMatchObject({
      person: { name: 'Giáo viên 1' },
      org: { name: w.orgs.team1.name },
      topic: 'Video hoạt động tổ',
    });
    expect(d.invitations.map((i) => [i.person.fullName, i.orgName])).toEqual([
      ['Chủ trì Phạm Văn Bình', 'Tổ Toán - Tin'],
      ['Giáo viên 1', 'Tổ Toán - Tin'],
      ['Giáo viên Toán An Phú', 'Tổ Toán'],
      ['Giáo viên Toán Tân Thạnh Tây', 'Tổ Toán'],
      ['Lãnh đạo xã 1', 'Xã Phú Hòa Đông'],
      ['Thư ký Trần Thị Cúc', 'Tổ Toán - Tin'],
      ['Tổ trưởng 1', 'Tổ Toán - Tin'],
    ]);
    // Draft: nobody is told yet.
    const n = (await (await as(w.users.guest)).get('/api/notifications?unread=1')).json() as NotificationList;
    expect(n.unread).toBe(0);
  });

  it('applies seed 002 bridge rule: previews, asks once for a missing link, own commune in person, others at a new bridge point', async () => {
    const c = await as(w.users.principal);
    const before = await tableCounts(t.db);
    const preview = await c.post(`/api/meetings/${m.id}/apply-bridge-rule`, { preview: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      meeting: null,
      result: {
        central: 6,
        moved: 1,
        kept: 0,
        missingLinks: ['Điểm cầu Xã An Nhơn Tây'],
        bridges: [
          { name: 'Điểm cầu Xã An Nhơn Tây', orgId: w.orgs.commune2.id, count: 1, created: true, hasLink: false, linkFrom: 'none' },
        ],
      },
    });
    // Applying would leave the new point without the link it needs: refused, nothing written.
    const bare = await c.post(`/api/meetings/${m.id}/apply-bridge-rule`);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields[0]).toMatchObject({ field: 'links', message: expect.stringContaining('«Điểm cầu Xã An Nhơn Tây»') });
    const stranger = await c.post(`/api/meetings/${m.id}/apply-bridge-rule`, {
      links: [{ orgId: w.orgs.school1.id, url: 'https://meet.google.com/abc' }],
    });
    expect(stranger.json().fields[0].field).toBe('links.0.orgId');
    expect(await tableCounts(t.db)).toEqual(before);
    const url = 'https://teams.microsoft.com/l/meetup-join/ant';
    const res = await c.post(`/api/meetings/${m.id}/apply-bridge-rule`, { links: [{ orgId: w.orgs.commune2.id, url }] });
    expect(res.statusCode, res.body).toBe(200);
    const { result, meeting } = res.json() as {
      result: { central: number; bridges: Array<{ name: string; count: number }> };
      meeting: MeetingDetail;
    };
    expect(result.central).toBe(6);
    expect(result.bridges).toEqual([
      expect.objectContaining({ name: 'Điểm cầu Xã An Nhơn Tây', count: 1, created: true, hasLink: true, linkFrom: 'venue' }),
    ]);
    const bridge = meeting.venues.find((v) => !v.isCentral);
    expect(bridge).toMatchObject({ onlineUrl: url, org: { id: w.orgs.commune2.id } });
    expect(meeting.invitations.find((i) => i.person.id === w.users.guest.person.id)?.venueId).toBe(bridge?.id);
    expect(meeting.problems).toEqual([]);
    m = meeting;
  });

  it('keeps an invitee a person placed by hand, and the next run changes nothing else', async () => {
    const c = await as(w.users.principal);
    const central = m.venues.find((v) => v.isCentral);
    const guest = m.invitations.find((i) => i.person.id === w.users.guest.person.id);
    const moved = await c.put(`/api/meetings/${m.id}/invitations/${guest?.id}`, { venueId: central?.id });
    expect(moved.statusCode, moved.body).toBe(204);
    const again = await c.post(`/api/meetings/${m.id}/apply-bridge-rule`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().result).toMatchObject({ kept: 1, moved: 0, missingLinks: [] });
    const d = again.json().meeting as MeetingDetail;
    expect(d.invitations.find((i) => i.person.id === w.users.guest.person.id)?.venueId).toBe(central?.id);
    const bridge = d.venues.find((v) => !v.isCentral);
    expect((await c.put(`/api/meetings/${m.id}/invitations/${guest?.id}`, { venueId: bridge?.id })).statusCode).toBe(204);
    m = (await c.get(`/api/meetings/${m.id}`)).json() as MeetingDetail;
  });

  it('schedules once the link is set; invitees get a notice and see it in my meetings', async () => {
    const c = await as(w.users.principal);
    const venues = m.venues.map((v) => ({
      id: v.id,
      isCentral: v.isCentral,
      orgId: v.org?.id,
      name: v.name,
      onlineUrl: v.isCentral ? null : 'https://teams.microsoft.com/l/meetup-join/abc',
    }));
    const put = await c.put(`/api/meetings/${m.id}`, meetingInput(w, { venues }));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().invitations.find((i: { person: { id: string } }) => i.person.id === w.users.guest.person.id).venueId).toBe(
      m.venues[1].id,
    );
    const sched = await c.post(`/api/meetings/${m.id}/schedule`);
    expect(sched.statusCode, sched.body).toBe(200);
    expect(sched.json().status).toBe('scheduled');
    const guest = await as(w.users.guest);
    const n = (await guest.get('/api/notifications?unread=1')).json() as NotificationList;
    expect(n.unread).toBe(1);
    expect(n.items[0]).toMatchObject({ kind: 'meeting_scheduled', link: `/meetings/${m.id}` });
    expect((await guest.post(`/api/notifications/${n.items[0].id}/read`)).statusCode).toBe(204);
    expect(((await guest.get('/api/notifications?unread=1')).json() as NotificationList).unread).toBe(0);
    expect((await (await as(w.users.teacher)).post(`/api/notifications/${n.items[0].id}/read`)).statusCode).toBe(404);
    const mine = (await guest.get('/api/meetings/mine')).json();
    expect(mine.map((x: { id: string }) => x.id)).toContain(m.id);
    expect(mine.find((x: { id: string }) => x.id === m.id).myRoles).toEqual(['invited']);
    const detail = (await c.get(`/api/meetings/${m.id}`)).json() as { subjects: unknown[] };
    expect(detail.subjects.length).toBeGreaterThan(0);
    expect(mine.find((x: { id: string }) => x.id === m.id).subjects).toEqual(detail.subjects);
    const chairMine = (await (await as(w.users.chair)).get('/api/meetings/mine')).json();
    expect(chairMine.find((x: { id: string }) => x.id === m.id).myRoles).toEqual(['chair']);
  });

  it('tells invitees of a change of time, and refuses a bridge point without link on a scheduled meeting', async () => {
    const c = await as(w.users.principal);
    const d = (await c.get(`/api/meetings/${m.id}`)).json() as MeetingDetail;
    const venues = d.venues.map((v) => ({ id: v.id, isCentral: v.isCentral, orgId: v.org?.id, name: v.name, onlineUrl: v.onlineUrl }));
    const noLink = await c.put(`/api/meetings/${m.id}`, meetingInput(w, { venues: venues.map((v) => ({ ...v, onlineUrl: null })) }));
    expect(noLink.statusCode).toBe(400);
    expect(noLink.json().fields[0].field).toBe('venues.1.onlineUrl');
    const moved = await c.put(
      `/api/meetings/${m.id}`,
      meetingInput(w, { venues, startsAt: '2025-10-16T07:00:00+07:00', endsAt: '2025-10-16T11:00:00+07:00' }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const n = ((await (await as(w.users.guest)).get('/api/notifications?unread=1')).json() as NotificationList).items;
    expect(n[0]).toMatchObject({ kind: 'meeting_changed', body: 'Thời gian mới: 07:00 ngày 16/10/2025' });
  });

  it('postpones and cancels only with a reason, telling invitees', async () => {
    const c = await as(w.users.principal);
    const noReason = await c.post(`/api/meetings/${m.id}/postpone`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('reason');
    const p = await c.post(`/api/meetings/${m.id}/postpone`, { reason: 'Trùng lịch kiểm tra của Sở' });
    expect(p.json()).toMatchObject({ status: 'postponed', statusReason: 'Trùng lịch kiểm tra của Sở' });
    expect((await c.post(`/api/meetings/${m.id}/schedule`)).statusCode).toBe(200);
    const x = await c.post(`/api/meetings/${m.id}/cancel`, { reason: 'Mưa bão' });
    expect(x.json().status).toBe('cancelled');
    const kinds = ((await (await as(w.users.guest)).get('/api/notifications')).json() as NotificationList).items.map((i) => i.kind);
    expect(kinds.slice(0, 3)).toEqual(['meeting_cancelled', 'meeting_scheduled', 'meeting_postponed']);
    expect((await c.put(`/api/meetings/${m.id}`, meetingInput(w))).statusCode).toBe(409);
  });

  it('removes a rule with its invitations, and one invitation', async () => {
    const d = await create();
    const c = await as(w.users.principal);
    const rule = (
      await c.post(`/api/meetings/${d.id}/invitation-rules`, {
        rule: { scope: { networkId: w.networks.network1.id }, positions: ['teacher'] },
      })
    ).json();
    expect(rule.added).toBeGreaterThan(2);
    expect((await c.delete(`/api/meetings/${d.id}/invitation-rules/${rule.ruleId}`)).statusCode).toBe(204);
    await c.post(`/api/meetings/${d.id}/invitations`, { personIds: [w.users.networkTeacher.person.id] });
    // The rule's invitations are gone; the chair, the secretary and the presenter stay invited (issue 15).
    const inv = ((await c.get(`/api/meetings/${d.id}`)).json() as MeetingDetail).invitations;
    expect(inv).toHaveLength(4);
    const one = inv.find((i) => i.person.id === w.users.networkTeacher.person.id);
    expect((await c.delete(`/api/meetings/${d.id}/invitations/${one?.id}`)).statusCode).toBe(204);
    const left = ((await c.get(`/api/meetings/${d.id}`)).json() as MeetingDetail).invitations.map((i) => i.person.id);
    expect(left.sort()).toEqual([w.users.chair.person.id, w.users.secretary.person.id, w.users.teacher.person.id].sort());
  });
});

describe('schedule views', () => {
  it('filters by date, network, org subtree, subject, kind and status; other schools see public lines only when filtering', async () => {
    const m = await create({
      title: 'Chuyên đề Ngữ văn',
      kind: 'topic_report',
      subjectIds: [w.subjects.van.id],
      startsAt: '2025-12-02T07:30:00+07:00',
      endsAt: '2025-12-02T10:30:00+07:00',
      agenda: [],
    });
    const c = await as(w.users.teamHead);
    const ids = async (q: string) => ((await c.get(`/api/meetings?${q}`)).json() as Array<{ id: string }>).map((x) => x.id);
    expect(await ids('from=2025-12-01&to=2025-12-31')).toEqual([m.id]);
    // each line carries its subjects (read in the same statement as the lines)
    const [line] = (await c.get('/api/meetings?from=2025-12-01&to=2025-12-31')).json() as Array<{ subjects: unknown }>;
    expect(line.subjects).toEqual([{ id: w.subjects.van.id, name: w.subjects.van.name }]);
    expect(await ids(`subjectId=${w.subjects.van.id}`)).toEqual([m.id]);
    expect(await ids('kind=topic_report')).toEqual([m.id]);
    expect(await ids(`orgId=${w.orgs.commune1.id}&from=2025-12-02&to=2025-12-02`)).toEqual([m.id]);
    expect(await ids(`orgId=${w.orgs.commune2.id}&from=2025-12-02&to=2025-12-02`)).toEqual([]);
    expect(await ids('status=held')).toEqual([]);
    const other = await as(w.users.otherTeacher);
    expect((await other.get('/api/meetings?from=2025-12-01&to=2025-12-31')).json()).toEqual([]);
    await (await as(w.users.principal)).post(`/api/meetings/${m.id}/schedule`);
    const lines = (await other.get(`/api/meetings?networkId=${w.networks.network1.id}&from=2025-12-01&to=2025-12-31`)).json();
    expect(lines).toEqual([
      expect.objectContaining({
        id: m.id,
        title: 'Chuyên đề Ngữ văn',
        restricted: true,
        subjects: [{ id: w.subjects.van.id, name: w.subjects.van.name }],
      }),
    ]);
    expect((await other.get(`/api/meetings/${m.id}`)).statusCode).toBe(403);
  });
});

describe('status steps', () => {
  it('deletes only drafts, marks held only after the start, and refuses every edit once the minutes are locked', async () => {
    const c = await as(w.users.principal);
    const draft = await create({ agenda: [] });
    expect((await c.delete(`/api/meetings/${draft.id}`)).statusCode).toBe(204);
    expect((await c.get(`/api/meetings/${draft.id}`)).statusCode).toBe(404);
    const y = new Date().getFullYear() + 1;
    await buildSchoolYear(t.db, { startYear: y });
    const future = await create({
      scheduleNow: true,
      mode: 'in_person',
      startsAt: `${y}-10-15T07:00:00+07:00`,
      endsAt: `${y}-10-15T09:00:00+07:00`,
      agenda: [],
    });
    expect(future.can.markHeld).toBe(false);
    expect((await c.post(`/api/meetings/${future.id}/held`)).statusCode).toBe(409);
    expect((await c.delete(`/api/meetings/${future.id}`)).statusCode).toBe(409);
    const past = await create({ scheduleNow: true, mode: 'in_person', agenda: [] });
    const held = await c.post(`/api/meetings/${past.id}/held`);
    expect(held.json()).toMatchObject({ status: 'held', can: { edit: false, markHeld: false } });
    await t.db.execute(sql`update meetings set status = 'minutes_locked' where id = ${past.id}`);
    expect((await c.put(`/api/meetings/${past.id}`, meetingInput(w, { mode: 'in_person', agenda: [] }))).json().code).toBe(
      'MINUTES_LOCKED',
    );
    expect((await c.post(`/api/meetings/${past.id}/invitations`, { personIds: [w.users.guest.person.id] })).statusCode).toBe(409);
    expect((await c.post(`/api/meetings/${past.id}/cancel`, { reason: 'x' })).statusCode).toBe(409);
  });

  it('tells people invited to a scheduled meeting at once', async () => {
    const m = await create({ scheduleNow: true, mode: 'in_person', title: 'Giao lưu chuyên môn', agenda: [] });
    const c = await as(w.users.principal);
    await c.post(`/api/meetings/${m.id}/invitations`, { personIds: [w.users.vanTeacher.person.id] });
    const n = ((await (await as(w.users.vanTeacher)).get('/api/notifications?unread=1')).json() as NotificationList).items;
    expect(n[0]).toMatchObject({ kind: 'meeting_invited', title: 'Mời dự sinh hoạt chuyên môn: Giao lưu chuyên môn' });
  });
});
