import type { MeetingMode, MeetingStatus } from '../../../shared/enums';
import { type InvitationRule, type MeetingCreate, meetingCreateInput } from '../../../shared/meetings';
import type { PlanScheduleLine, PlanSchedulePreview, PlanScheduleResult } from '../../../shared/planSchedule';
import { gradeLevel } from '../../../shared/teachingLevels';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, notFound } from '../../lib/errors';
import { addRule, describeRule } from '../meetings/invite';
import { canCreateMeeting, canNameSecretary } from '../meetings/policy';
import * as meetingsService from '../meetings/service';
import * as orgsRepo from '../orgs/repo';
import { authorize } from './policy';
import * as repo from './repo';
import * as scheduleRepo from './scheduleRepo';
import { scopesOf } from './shape';

/** The room a central venue gets when the plan names none (changeable on the meeting afterwards). */
export const DEFAULT_ROOM = 'Phòng họp';

type PlanRow = Pick<
  NonNullable<Awaited<ReturnType<typeof repo.lockById>>>,
  'id' | 'status' | 'networkId' | 'orgId' | 'reviewerOrgId' | 'schoolYearId'
>;
type Item = Awaited<ReturnType<typeof repo.itemsOf>>[number];
interface Draft {
  line: PlanScheduleLine;
  input: MeetingCreate | null;
  rule: InvitationRule;
}

const uniq = (ids: Array<string | null | undefined>) => [...new Set(ids.filter((x): x is string => !!x))];

/** Scheduled at once when in person; online and hybrid meetings stay drafts until their links are added. */
const statusFor = (mode: MeetingMode): MeetingStatus => (mode === 'in_person' ? 'scheduled' : 'draft');

/** The plan, authorised for scheduling (its drafters) and approved; 404, 403 or 409 otherwise. */
async function schedulable(db: Executor, actor: Actor, plan: PlanRow | undefined) {
  if (!plan) throw notFound('kế hoạch');
  const [scope] = await scopesOf(db, [plan]);
  authorize(actor, 'schedule', scope);
  if (plan.status !== 'approved') {
    throw new AppError('INVALID_STATE', { params: { message: 'Chỉ lên lịch theo kế hoạch đã được duyệt' } });
  }
  return plan;
}

/**
 * For each item of the plan without a meeting (and not cancelled): the meeting it becomes. Host: the item's, else the
 * plan's org, else the network's lead school. Central venue: the host's name and address, the item's place as the
 * room (else the default room). Chair: the network's leader (else the host's principal or team head); secretary: the
 * head of the host's team of the item's subject, else a deputy leader, when the actor may name one. Invitations: the
 * teachers of the item's subjects in the network's schools (or the plan's org).
 */
async function draftsOf(db: Executor, actor: Actor, plan: PlanRow): Promise<{ drafts: Draft[]; alreadyScheduled: number }> {
  const items = await repo.itemsOf(db, plan.id);
  const linked = new Set(
    (
      await repo.meetingsOfItems(
        db,
        items.map((i) => i.id),
      )
    ).map((m) => m.planItemId),
  );
  const open = items.filter((i) => !linked.has(i.id) && i.status !== 'cancelled');
  const network = plan.networkId ? (await repo.networksByIds(db, [plan.networkId]))[0] : undefined;
  const hostOf = (i: Item) => i.hostOrgId ?? plan.orgId ?? network?.leadOrgId ?? null;
  const hostIds = uniq(open.map(hostOf));
  const today = todayIso();
  const [hosts, chains, staff, leaders, subjects, people, orgs] = await Promise.all([
    scheduleRepo.hostsByIds(db, hostIds),
    orgsRepo.ancestorChains(db, hostIds, today),
    scheduleRepo.hostStaff(db, hostIds, today),
    plan.networkId ? scheduleRepo.networkLeadersOf(db, plan.networkId) : [],
    repo.subjectsByIds(db, uniq(open.flatMap((i) => i.subjectIds))),
    repo.peopleByIds(db, uniq(open.map((i) => i.presenterPersonId))),
    orgsRepo.summaries(db, uniq(open.map((i) => i.presenterOrgId))),
  ]);
  const hostById = new Map(hosts.map((h) => [h.id, h]));
  const leaderIds = leaders.map((l) => l.personId);
  const drafts: Draft[] = [];
  for (const item of open) {
    const hostId = hostOf(item);
    const host = hostId ? hostById.get(hostId) : undefined;
    const hostChain = hostId ? (chains.get(hostId) ?? [hostId]) : [];
    const atHost = staff.filter((s) => s.hostOrgId === hostId);
    const managers = atHost.filter((s) => s.subjectIds.length === 0 || host?.type === 'team');
    const teamLeads = atHost.filter(
      (s) =>
        (s.position === 'team_head' || s.position === 'team_deputy') &&
        (item.subjectIds.length === 0 || s.subjectIds.some((id) => item.subjectIds.includes(id))),
    );
    const chair = leaders[0] ?? managers[0] ?? null;
    const secretary =
      hostId && canNameSecretary(actor, { hostChain, chairPersonId: chair?.personId ?? null })
        ? ([...teamLeads, ...leaders.slice(1), ...managers].find((p) => p.personId !== chair?.personId) ?? null)
        : null;
    const room = item.place && item.place !== host?.name ? item.place : DEFAULT_ROOM;
    const rule: InvitationRule = {
      subjectIds: item.subjectIds,
      positions: [],
      scope: plan.networkId ? { networkId: plan.networkId } : { orgIds: [plan.orgId as string] },
      // The level of the item's grade, stated so the preview line says what the meeting's rule will apply.
      levels: item.grade ? [gradeLevel(item.grade)] : [],
    };
    const time = item.proposedTime?.slice(0, 5) ?? '07:30';
    let problem: string | null = null;
    if (!item.proposedDate) problem = 'Chưa có ngày dự kiến: tạo buổi sinh hoạt này riêng khi đã chọn ngày';
    else if (!host) problem = 'Chưa có đơn vị tổ chức: tạo buổi sinh hoạt này riêng';
    else if (!canCreateMeeting(actor, { hostChain, networkLeaderIds: leaderIds }))
      problem = `Bạn không được tạo buổi sinh hoạt do ${host.name} tổ chức`;
    const status = statusFor(item.mode);
    const line: PlanScheduleLine = {
      itemId: item.id,
      sortOrder: item.sortOrder,
      kind: item.kind,
      content: item.content,
      date: item.proposedDate,
      time,
      mode: item.mode,
      grade: item.grade,
      subjects: item.subjectIds.map((id) => subjects.find((s) => s.id === id)?.name ?? '').filter(Boolean),
      hostName: host?.name ?? null,
      place: host && item.mode !== 'online' ? [host.name, room, host.address].filter(Boolean).join(', ') : null,
      presenterName:
        people.find((p) => p.id === item.presenterPersonId)?.fullName ?? orgs.find((o) => o.id === item.presenterOrgId)?.name ?? null,
      chairName: chair?.fullName ?? null,
      secretaryName: secretary?.fullName ?? null,
      invitation: await describeRule(db, rule),
      status,
      problem,
    };
    const input =
      problem || !host
        ? null
        : meetingCreateInput.parse({
            planItemId: item.id,
            hostOrgId: host.id,
            networkId: plan.networkId,
            schoolYearId: plan.schoolYearId,
            mode: item.mode,
            chairPersonId: chair?.personId ?? null,
            secretaryPersonId: secretary?.personId ?? null,
            venues:
              item.mode === 'online'
                ? []
                : [{ isCentral: true, orgId: host.id, name: host.name, room, address: host.address, onlineUrl: null }],
            scheduleNow: status === 'scheduled',
          });
    drafts.push({ line, input, rule });
  }
  return { drafts, alreadyScheduled: items.length - open.length };
}

/** What "Lên lịch theo kế hoạch" would create now, line by line, for the confirmation dialog. */
export async function previewSchedule(db: Executor, actor: Actor, planId: string): Promise<PlanSchedulePreview> {
  const plan = await schedulable(db, actor, await repo.findById(db, planId));
  const { drafts, alreadyScheduled } = await draftsOf(db, actor, plan);
  return { planId, lines: drafts.map((d) => d.line), alreadyScheduled };
}

/**
 * Creates, in the caller's transaction, a meeting for every item of an approved plan that has none yet (each through
 * the meetings service, so its checks and its `create` rule apply), with its invitation rule. The plan row is locked
 * first, so two runs at once create each meeting once; running it again creates nothing.
 */
export async function scheduleFromPlan(tx: Executor, actor: Actor, planId: string): Promise<PlanScheduleResult> {
  const plan = await schedulable(tx, actor, await repo.lockById(tx, planId));
  const { drafts } = await draftsOf(tx, actor, plan);
  const created: PlanScheduleResult['created'] = [];
  for (const d of drafts) {
    if (!d.input) continue;
    const meeting = await meetingsService.create(tx, actor, d.input);
    await addRule(tx, actor, meeting.id, { rule: d.rule, description: d.line.invitation });
    created.push({
      id: meeting.id,
      itemId: d.line.itemId,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      status: meeting.status,
    });
  }
  if (created.length > 0) {
    await audit(tx, actor, {
      action: 'schedule',
      entityType: 'plan',
      entityId: plan.id,
      orgId: plan.reviewerOrgId,
      after: { meetings: created.map((c) => c.id) },
    });
  }
  return { created, skipped: drafts.length - created.length };
}
