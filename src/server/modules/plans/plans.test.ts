import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/factories';
import { buildPlanWorld, type PlanWorld, planBody, planItemBody } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

let t: TestApp;
let w: PlanWorld;
let leader: TestClient;
let office: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPlanWorld(t.db);
  leader = await t.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
  office = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
});
afterAll(() => t.close());

async function auditActions(entityId: string): Promise<string[]> {
  const res = await t.client().login(w.users.admin.email, w.users.admin.password);
  const rows = (await res.get(`/api/audit?entityId=${entityId}`)).json().items as Array<{ action: string }>;
  return rows.map((r) => r.action).sort();
}

describe('plans: the review cycle', () => {
  it('draft → submit → return with comment → edit → resubmit → approve, with history and snapshots', async () => {
    const created = await leader.post('/api/plans', planBody(w));
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({
      status: 'draft',
      title: 'Kế hoạch SHCM liên trường học kỳ I',
      termNumber: 1,
      schoolYearCode: '2025-2026',
      network: { name: 'Nhóm xã 1' },
      reviewerOrg: { name: 'Xã Phú Hòa Đông' },
      itemCount: 1,
      can: { update: true, submit: true, review: false, trackItems: false },
    });
    expect(plan.items[0]).toMatchObject({
      kind: 'demo_lesson',
      grade: 8,
      proposedTime: '07:30',
      hostOrg: { name: 'Trường THCS Tân Thạnh Đông' },
      presenterPerson: { fullName: 'Giáo viên 1' },
      status: 'planned',
    });

    // The office cannot review a draft.
    const early = await office.post(`/api/plans/${plan.id}/approve`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_STATE');

    const submitted = await leader.post(`/api/plans/${plan.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', can: { update: false, submit: false } });

    // Editing while it waits is refused with a clear message; a second submit too.
    const whileSubmitted = await leader.put(`/api/plans/${plan.id}`, { title: 'Sửa', items: [planItemBody(w)] });
    expect(whileSubmitted.statusCode).toBe(409);
    expect(whileSubmitted.json().message).toMatch(/^Kế hoạch đang chờ duyệt, không thể sửa/);
    expect((await leader.post(`/api/plans/${plan.id}/submit`)).json().message).toBe('Kế hoạch đã được gửi và đang chờ duyệt');

    // The office sees it in its queue and may review it.
    const queue = (await office.get(`/api/plans?reviewerOrgId=${w.orgs.commune1.id}&status=submitted`)).json();
    expect(queue.map((p: { id: string }) => p.id)).toEqual([plan.id]);
    expect((await office.get(`/api/plans/${plan.id}`)).json().can).toMatchObject({ review: true, update: false });

    const noComment = await office.post(`/api/plans/${plan.id}/return`, { comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().fields[0].field).toBe('comment');

    const returned = await office.post(`/api/plans/${plan.id}/return`, { comment: 'Bổ sung buổi chuyên đề môn Ngữ văn' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', can: { review: false } });

    const edited = await leader.put(`/api/plans/${plan.id}`, {
      termNumber: 1,
      title: 'Kế hoạch SHCM liên trường học kỳ I (bổ sung)',
      items: [
        planItemBody(w),
        planItemBody(w, {
          kind: 'topic_report',
          content: 'Chuyên đề đọc hiểu văn bản nghị luận',
          grade: 9,
          hostOrgId: w.orgs.school1b.id,
          presenterPersonId: null,
          proposedDate: '2025-11-20',
          mode: 'hybrid',
        }),
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().items.map((i: { kind: string }) => i.kind)).toEqual(['demo_lesson', 'topic_report']);

    expect((await leader.post(`/api/plans/${plan.id}/submit`)).statusCode).toBe(200);
    const approved = await office.post(`/api/plans/${plan.id}/approve`, { comment: 'Đồng ý' });
    expect(approved.statusCode, approved.body).toBe(200);
    const final = approved.json();
    expect(final.status).toBe('approved');
    expect(final.decidedAt).toBeTruthy();
    expect(
      final.history.map((h: { action: string; comment: string | null; actorName: string }) => [h.action, h.comment, h.actorName]),
    ).toEqual([
      ['submit', null, 'Nhóm trưởng 1'],
      ['return', 'Bổ sung buổi chuyên đề môn Ngữ văn', 'Lãnh đạo xã 1'],
      ['submit', null, 'Nhóm trưởng 1'],
      ['approve', 'Đồng ý', 'Lãnh đạo xã 1'],
    ]);
    expect(final.history[0].snapshot.items).toHaveLength(1);
    expect(final.history[1].snapshot.title).toBe('Kế hoạch SHCM liên trường học kỳ I');
    expect(final.history[3].snapshot.items.map((i: { content: string }) => i.content)).toEqual([
      'Thao giảng môn Toán 8: Định lý Pythagore',
      'Chuyên đề đọc hiểu văn bản nghị luận',
    ]);

    // Approved: no more edits, submits or reviews.
    const afterApproval = await leader.put(`/api/plans/${plan.id}`, { title: 'Sửa', items: [planItemBody(w)] });
    expect(afterApproval.statusCode).toBe(409);
    expect(afterApproval.json()).toMatchObject({ code: 'INVALID_STATE', message: 'Kế hoạch đã được duyệt, không thể sửa' });
    expect((await leader.post(`/api/plans/${plan.id}/submit`)).statusCode).toBe(409);
    expect((await office.post(`/api/plans/${plan.id}/return`, { comment: 'Trả lại' })).statusCode).toBe(409);

    expect(await auditActions(plan.id)).toEqual(['approve', 'create', 'return', 'submit', 'submit', 'update']);
  });

  it('tracks items of an approved plan: held with its meeting, moved and cancelled with reasons', async () => {
    const plan = (
      await leader.post(
        '/api/plans',
        planBody(w, {
          items: [
            planItemBody(w),
            planItemBody(w, { proposedDate: '2025-11-05', content: 'Nghiên cứu bài học môn Khoa học tự nhiên' }),
            planItemBody(w, { proposedDate: '2025-12-10', content: 'Hội thảo đổi mới kiểm tra đánh giá' }),
          ],
        }),
      )
    ).json();
    const [held, moved, cancelled] = plan.items.map((i: { id: string }) => i.id);
    const statusUrl = (itemId: string) => `/api/plans/${plan.id}/items/${itemId}/status`;

    const tooEarly = await leader.post(statusUrl(held), { status: 'held' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().message).toBe('Chỉ cập nhật tình hình thực hiện khi kế hoạch đã được duyệt');

    await leader.post(`/api/plans/${plan.id}/submit`);
    await office.post(`/api/plans/${plan.id}/approve`, {});

    // A meeting of the plan's network (issue 14: only meetings the caller edits, of the plan's network or org, link).
    const meeting = await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1.id,
      networkId: w.networks.network1.id,
      schoolYearId: w.year.id,
      title: 'Thao giảng Toán 8',
    });
    expect((await leader.post(statusUrl(held), { status: 'held', meetingId: meeting.id })).statusCode).toBe(200);

    const noReason = await leader.post(statusUrl(moved), { status: 'moved' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([{ field: 'reason', message: 'Cần ghi lý do khi dời hoặc hủy buổi sinh hoạt' }]);

    expect((await leader.post(statusUrl(moved), { status: 'moved', reason: 'Trùng lịch kiểm tra giữa kỳ' })).statusCode).toBe(200);
    const teacherTries = await (await t.client().login(w.users.teacher.email, w.users.teacher.password)).post(statusUrl(cancelled), {
      status: 'cancelled',
      reason: 'x',
    });
    expect(teacherTries.statusCode).toBe(403);
    const done = await leader.post(statusUrl(cancelled), { status: 'cancelled', reason: 'Mưa bão, trường nghỉ học' });
    expect(done.statusCode, done.body).toBe(200);
    expect(
      done
        .json()
        .items.map((i: { status: string; statusReason: string | null; meetings: unknown[] }) => [
          i.status,
          i.statusReason,
          i.meetings.length,
        ]),
    ).toEqual([
      ['held', null, 1],
      ['moved', 'Trùng lịch kiểm tra giữa kỳ', 0],
      ['cancelled', 'Mưa bão, trường nghỉ học', 0],
    ]);
    expect(done.json().items[0].meetings[0].title).toBe('Thao giảng Toán 8');
    expect(await auditActions(cancelled)).toEqual(['item_status']);
  });

  it('a team head drafts the team plan; the school reviews it', async () => {
    const teamHead = await t.client().login(w.users.teamHead.email, w.users.teamHead.password);
    const res = await teamHead.post(
      '/api/plans',
      planBody(w, { networkId: null, orgId: w.orgs.team1.id, title: 'Kế hoạch tổ Toán - Tin' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      org: { name: 'Tổ Toán - Tin' },
      reviewerOrg: { name: 'Trường THCS Tân Thạnh Đông' },
      network: null,
    });
    await teamHead.post(`/api/plans/${res.json().id}/submit`);
    const principal = await t.client().login(w.users.principal.email, w.users.principal.password);
    expect((await principal.post(`/api/plans/${res.json().id}/approve`, {})).json().status).toBe('approved');
  });

  it('lists plans by network and school year, only those the actor may read', async () => {
    const mine = (await leader.get(`/api/plans?networkId=${w.networks.network1.id}&schoolYearId=${w.year.id}`)).json();
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const other = await t.client().login(w.users.otherTeacher.email, w.users.otherTeacher.password);
    expect((await other.get(`/api/plans?schoolYearId=${w.year.id}`)).json()).toEqual([]);
  });
});
