import { randomBytes } from 'node:crypto';
import type { Executor } from '../../src/server/db/client';
import { attendance, invitations, meetingSubjects, meetings, minutes, planItems, plans, venues } from '../../src/server/db/schema';
import type { AttendanceStatus, MeetingKind, MeetingMode, MeetingStatus, MinutesStatus, PlanStatus } from '../../src/shared/enums';

/**
 * Factories of the meetings feature (plans, meetings, venues, invitations, attendance, minutes), with overrides.
 * They insert rows directly: they stand for data that already exists; services and policies are not involved.
 */

/** A plan of a network (or an org) for a school year or term. */
export async function buildPlan(
  db: Executor,
  o: {
    schoolYearId: string;
    reviewerOrgId: string;
    networkId?: string;
    orgId?: string;
    termNumber?: number | null;
    title?: string;
    status?: PlanStatus;
  },
) {
  const [row] = await db
    .insert(plans)
    .values({
      schoolYearId: o.schoolYearId,
      reviewerOrgId: o.reviewerOrgId,
      networkId: o.networkId ?? null,
      orgId: o.networkId ? null : (o.orgId ?? o.reviewerOrgId),
      termNumber: o.termNumber === undefined ? 1 : o.termNumber,
      title: o.title ?? 'Kế hoạch sinh hoạt chuyên môn học kỳ I',
      status: o.status ?? 'draft',
    })
    .returning();
  return row;
}

/** A planned meeting inside a plan. */
export async function buildPlanItem(
  db: Executor,
  o: {
    planId: string;
    kind?: MeetingKind;
    content?: string;
    hostOrgId?: string | null;
    proposedDate?: string | null;
    subjectIds?: string[];
    sortOrder?: number;
  },
) {
  const [row] = await db
    .insert(planItems)
    .values({
      planId: o.planId,
      kind: o.kind ?? 'demo_lesson',
      content: o.content ?? 'Thao giảng, dự giờ, rút kinh nghiệm',
      hostOrgId: o.hostOrgId ?? null,
      proposedDate: o.proposedDate ?? null,
      subjectIds: o.subjectIds ?? [],
      sortOrder: o.sortOrder ?? 0,
    })
    .returning();
  return row;
}

/** A meeting (default: a demo lesson, in person, scheduled on 2024-10-15 from 7:30 to 11:00, Vietnam time). */
export async function buildMeeting(
  db: Executor,
  o: {
    hostOrgId: string;
    schoolYearId: string;
    networkId?: string | null;
    planItemId?: string | null;
    termNumber?: number | null;
    kind?: MeetingKind;
    title?: string;
    mode?: MeetingMode;
    status?: MeetingStatus;
    startsAt?: Date;
    endsAt?: Date;
    chairPersonId?: string | null;
    secretaryPersonId?: string | null;
    plannedCount?: number | null;
    content?: string | null;
    grade?: number | null;
    subjectIds?: string[];
  },
) {
  const startsAt = o.startsAt ?? new Date('2024-10-15T07:30:00+07:00');
  const [row] = await db
    .insert(meetings)
    .values({
      hostOrgId: o.hostOrgId,
      schoolYearId: o.schoolYearId,
      networkId: o.networkId ?? null,
      planItemId: o.planItemId ?? null,
      termNumber: o.termNumber === undefined ? 1 : o.termNumber,
      kind: o.kind ?? 'demo_lesson',
      title: o.title ?? 'Thao giảng môn Toán 8',
      mode: o.mode ?? 'in_person',
      status: o.status ?? 'scheduled',
      startsAt,
      endsAt: o.endsAt ?? new Date(startsAt.getTime() + 3.5 * 3_600_000),
      chairPersonId: o.chairPersonId ?? null,
      secretaryPersonId: o.secretaryPersonId ?? null,
      plannedCount: o.plannedCount ?? null,
      content: o.content ?? null,
      grade: o.grade ?? null,
      checkinSecret: randomBytes(16).toString('hex'),
    })
    .returning();
  if (o.subjectIds?.length) await db.insert(meetingSubjects).values(o.subjectIds.map((subjectId) => ({ meetingId: row.id, subjectId })));
  return row;
}

/** A venue of a meeting (central at the host by default). */
export async function buildVenue(
  db: Executor,
  o: { meetingId: string; orgId?: string | null; isCentral?: boolean; name?: string; onlineUrl?: string | null },
) {
  const [row] = await db
    .insert(venues)
    .values({
      meetingId: o.meetingId,
      orgId: o.orgId ?? null,
      isCentral: o.isCentral ?? true,
      name: o.name ?? 'Điểm cầu trung tâm',
      onlineUrl: o.onlineUrl ?? null,
    })
    .returning();
  return row;
}

/** Invites people to a meeting (those already invited are left as they are). */
export async function buildInvitations(db: Executor, meetingId: string, personIds: string[], venueId: string | null = null) {
  if (personIds.length === 0) return [];
  return (
    db
      .insert(invitations)
      .values(personIds.map((personId) => ({ meetingId, personId, venueId })))
      // people already invited (a chair, secretary or presenter is invited with the meeting) stay as they are
      .onConflictDoNothing()
      .returning()
  );
}

/** Records one person's attendance. */
export async function buildAttendance(
  db: Executor,
  o: { meetingId: string; personId: string; status?: AttendanceStatus; reason?: string | null; venueId?: string | null },
) {
  const [row] = await db
    .insert(attendance)
    .values({
      meetingId: o.meetingId,
      personId: o.personId,
      status: o.status ?? 'present',
      reason: o.reason ?? null,
      venueId: o.venueId ?? null,
    })
    .returning();
  return row;
}

/** Minutes of a meeting. */
export async function buildMinutes(
  db: Executor,
  o: { meetingId: string; status?: MinutesStatus; discussion?: string; recommendations?: string; textHash?: string | null },
) {
  const [row] = await db
    .insert(minutes)
    .values({
      meetingId: o.meetingId,
      status: o.status ?? 'draft',
      discussion: o.discussion ?? '',
      recommendations: o.recommendations ?? '',
      textHash: o.textHash ?? null,
    })
    .returning();
  return row;
}
