import { buildAttendance, buildInvitations, buildMeeting, buildMinutes, buildVenue } from '../../../../tests/factories';
import type { MeetingKind } from '../../../shared/enums';
import * as attendanceRepo from '../../modules/attendance/repo';
import { canonicalMinutes, sha256 } from '../../modules/minutes/canonical';
import { freezeRecord } from '../../modules/minutes/frozen';
import * as minutesRepo from '../../modules/minutes/repo';
import { computeFacts } from '../../modules/minutes/service';
import type { SeedContext } from './staff';

/** A held meeting of the demo: who was invited, who came, and how far its minutes went. */
export interface HeldMeeting {
  schoolYearId: string;
  networkId: string | null;
  planItemId?: string | null;
  hostOrgId: string;
  hostName: string;
  room: string;
  date: string;
  termNumber: 1 | 2;
  kind: MeetingKind;
  title: string;
  content: string;
  grade: number | null;
  subjectIds: string[];
  chairPersonId: string;
  secretaryPersonId: string;
  /** Invited participants (the chair and the secretary are added when missing). */
  invitees: string[];
  absent?: Array<{ personId: string; status: 'excused' | 'absent'; reason: string }>;
  minutes: { discussion: string; recommendations: string; unsigned: string[] } | null;
}

/**
 * Creates a meeting that took place (venue, invitations, attendance) and, when asked, its minutes as the app would
 * have left them: frozen facts and signers, the hash of the canonical text, the signatures of everyone except
 * `unsigned`; locked (meeting `minutes_locked`) when nobody is left to sign. The hash is computed by the minutes
 * module itself, so "Kiểm tra tính toàn vẹn" verifies the demo's minutes like any other.
 */
export async function buildHeldMeeting(ctx: SeedContext, h: HeldMeeting): Promise<string> {
  const { db } = ctx;
  const meeting = await buildMeeting(db, {
    hostOrgId: h.hostOrgId,
    schoolYearId: h.schoolYearId,
    networkId: h.networkId,
    planItemId: h.planItemId ?? null,
    termNumber: h.termNumber,
    kind: h.kind,
    title: h.title,
    content: h.content,
    grade: h.grade,
    status: 'held',
    startsAt: new Date(`${h.date}T07:30:00+07:00`),
    endsAt: new Date(`${h.date}T11:00:00+07:00`),
    chairPersonId: h.chairPersonId,
    secretaryPersonId: h.secretaryPersonId,
    plannedCount: null,
    subjectIds: h.subjectIds,
  });
  const venue = await buildVenue(db, { meetingId: meeting.id, orgId: h.hostOrgId, isCentral: true, name: `${h.hostName} — ${h.room}` });
  const people = [...new Set([h.chairPersonId, h.secretaryPersonId, ...h.invitees])];
  await buildInvitations(db, meeting.id, people, venue.id);
  for (const personId of people) {
    const a = h.absent?.find((x) => x.personId === personId);
    await buildAttendance(db, {
      meetingId: meeting.id,
      personId,
      venueId: venue.id,
      status: a?.status ?? 'present',
      reason: a?.reason ?? null,
    });
  }
  if (h.minutes) await signMinutes(ctx, meeting.id, h.minutes);
  return meeting.id;
}

/** Minutes of a held meeting, frozen and signed by all but `unsigned`; locked when nobody is left. */
export async function signMinutes(ctx: SeedContext, meetingId: string, m: NonNullable<HeldMeeting['minutes']>): Promise<void> {
  const { db } = ctx;
  const record = await attendanceRepo.findMeeting(db, meetingId);
  if (!record) throw new Error(`demo seed: meeting ${meetingId} not found`);
  const facts = await computeFacts(db, record);
  const frozen = await freezeRecord(db, record.meeting);
  const textHash = sha256(canonicalMinutes({ meetingId, facts, frozen, discussion: m.discussion, recommendations: m.recommendations }));
  const row = await buildMinutes(db, {
    meetingId,
    status: 'signing',
    discussion: m.discussion,
    recommendations: m.recommendations,
    textHash,
  });
  await minutesRepo.update(db, row.id, { facts, frozen });
  const unsigned = new Set(m.unsigned);
  const signedAt = new Date(record.meeting.endsAt.getTime() + 30 * 60_000);
  let n = 0;
  for (const s of frozen.signers) {
    if (unsigned.has(s.personId)) continue;
    n += 1;
    await minutesRepo.insertSignature(db, {
      minutesId: row.id,
      personId: s.personId,
      role: s.role,
      textHash,
      signedAt: new Date(signedAt.getTime() + n * 60_000),
    });
  }
  if (unsigned.size > 0) return;
  // locked when the last (the chair) signed, as minutes/signing.ts does; the meeting's minutes are then locked too
  await minutesRepo.update(db, row.id, { status: 'locked', lockedAt: new Date(signedAt.getTime() + (n + 1) * 60_000) });
  await attendanceRepo.setMeetingStatus(db, meetingId, 'minutes_locked');
}
