import type { AttendanceStatus } from '../../../shared/enums';
import type {
  AttendanceBatchInput,
  AttendanceSheet,
  AttendanceSummary,
  CheckinCode,
  CheckinPreview,
  CheckinResult,
  VenueCount,
} from '../../../shared/minutes';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { assertMeetingRecordOpen } from '../minutes/recordGuard';
import { loadMeetingAccess, loadReadableMeeting, type MeetingRecord } from './access';
import { attendanceCan, authorize, isChairOrSecretary } from './policy';
import * as repo from './repo';
import { checkinCodeFor, codeWindow, codeWindowEndsAt, recentCodeExpiresAt } from './rotatingCode';

/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_MS = 30 * 60_000;
/** Arriving later than this after the start counts as late. */
export const LATE_AFTER_MS = 15 * 60_000;

type SheetRow = Awaited<ReturnType<typeof repo.sheet>>[number];

function summarize(meeting: MeetingRecord['meeting'], rows: SheetRow[]): AttendanceSummary {
  const byVenue = new Map<string, VenueCount>();
  for (const r of rows) {
    const key = r.venueId ?? '';
    let c = byVenue.get(key);
    if (!c) {
      c = {
        venue: r.venueId ? { id: r.venueId, name: r.venueName ?? '', isCentral: Boolean(r.venueIsCentral) } : null,
        invited: 0,
        present: 0,
        late: 0,
        excused: 0,
        absent: 0,
        unrecorded: 0,
      };
      byVenue.set(key, c);
    }
    c.invited++;
    if (r.status) c[r.status]++;
    else c.unrecorded++;
  }
  const venues = [...byVenue.values()];
  return {
    plannedCount: meeting.plannedCount ?? rows.length,
    invited: rows.length,
    attended: venues.reduce((n, v) => n + v.present + v.late, 0),
    venues,
  };
}

function header(m: MeetingRecord) {
  const { meeting } = m;
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    status: meeting.status,
    mode: meeting.mode,
    hostOrgName: m.hostOrgName,
  };
}

/** The secretary's screen: every invitee with venue and status, counts per venue, what the actor may do. */
export async function getSheet(db: Executor, actor: Actor, meetingId: string): Promise<AttendanceSheet> {
  const m = await loadMeetingAccess(db, actor, meetingId);
  authorize(actor, 'record', m.access);
  const can = attendanceCan(actor, m.access);
  const rows = await repo.sheet(db, meetingId, todayIso());
  const minutesStatus = await repo.minutesStatus(db, meetingId);
  return {
    meeting: header(m),
    rows: rows.map((r) => ({
      personId: r.personId,
      fullName: r.fullName,
      unitName: r.unitName,
      venue: r.venueId ? { id: r.venueId, name: r.venueName ?? '', isCentral: Boolean(r.venueIsCentral) } : null,
      status: r.status,
      reason: r.reason,
      method: r.method,
      checkedInAt: r.checkedInAt,
    })),
    summary: summarize(m.meeting, rows),
    locked: minutesStatus === 'signing' || minutesStatus === 'locked',
    can,
  };
}

/** Counts per venue, for anyone who may read the meeting's record. */
export async function getSummary(db: Executor, actor: Actor, meetingId: string): Promise<AttendanceSummary> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  return summarize(m.meeting, await repo.sheet(db, meetingId, todayIso()));
}

/** Refuses attendance changes once the minutes are being signed or are locked (their facts are frozen). */
const assertAttendanceOpen = assertMeetingRecordOpen;

/** Saves the secretary's batch in the caller's transaction; every person must be invited (or already recorded). */
export async function saveBatch(db: Executor, actor: Actor, meetingId: string, input: AttendanceBatchInput): Promise<void> {
  const m = await loadMeetingAccess(db, actor, meetingId);
  authorize(actor, 'record', m.access);
  await assertAttendanceOpen(db, meetingId);
  const known = new Map((await repo.sheet(db, meetingId, todayIso())).map((r) => [r.personId, r]));
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    if (!known.has(e.personId)) throw fieldError(`entries.${i}.personId`, 'Người này không có trong danh sách mời');
    if (seen.has(e.personId)) throw fieldError(`entries.${i}.personId`, 'Một người được ghi hai lần');
    seen.add(e.personId);
  });
  // "Tất cả có mặt": everyone not named and not yet recorded (a QR check-in, an earlier exception) is present.
  const others = input.othersPresent ? [...known.values()].filter((r) => !r.status && !seen.has(r.personId)) : [];
  const entries = [...input.entries, ...others.map((r) => ({ personId: r.personId, status: 'present' as const, reason: null }))];
  const rows = entries.map((e) => ({
    meetingId,
    personId: e.personId,
    venueId: known.get(e.personId)?.venueId ?? null,
    status: e.status,
    reason: (e.reason ?? null) || null,
    method: 'secretary' as const,
    recordedBy: actor.personId,
  }));
  // Rows the secretary left as they were keep how they were recorded (a QR check-in stays a QR check-in).
  const changed = rows.filter((r) => {
    const k = known.get(r.personId);
    return !(k && k.status === r.status && (k.reason ?? null) === r.reason);
  });
  await repo.upsert(db, changed);
  if (m.meeting.status === 'scheduled' && m.meeting.startsAt.getTime() <= Date.now()) {
    await repo.setMeetingStatus(db, meetingId, 'held');
  }
  await audit(db, actor, {
    action: 'attendance.record',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: m.meeting.hostOrgId,
    after: { entries: input.entries, othersPresent: others.map((r) => r.personId) },
  });
}

/**
 * The QR check-in link for the secretary or chair to show on screen: it carries the code of the current 30-second
 * window, derived from the meeting's stored secret (which never leaves the server).
 */
export async function checkinCode(
  db: Executor,
  actor: Actor,
  meetingId: string,
  publicUrl: string,
  now = new Date(),
): Promise<CheckinCode> {
  const m = await loadMeetingAccess(db, actor, meetingId);
  authorize(actor, 'showCheckinCode', m.access);
  const path = `/checkin/${meetingId}/${checkinCodeFor(m.meeting.checkinSecret, meetingId, codeWindow(now))}`;
  const expires = codeWindowEndsAt(now);
  return {
    url: `${publicUrl.replace(/\/$/, '')}${path}`,
    path,
    validFrom: new Date(m.meeting.startsAt.getTime() - CHECKIN_OPENS_MS).toISOString(),
    validTo: m.meeting.endsAt.toISOString(),
    codeExpiresAt: expires.toISOString(),
    refreshInMs: expires.getTime() - now.getTime(),
  };
}

/** The meeting a live check-in code belongs to, for the landing page; an old, forged or unknown code is refused. */
export async function checkinPreview(db: Executor, meetingId: string, code: string, now = new Date()): Promise<CheckinPreview> {
  const found = await repo.findMeeting(db, meetingId);
  const expiresAt = found && recentCodeExpiresAt(found.meeting.checkinSecret, meetingId, code, now);
  if (!found || !expiresAt) throw new AppError('CHECKIN_CODE_EXPIRED');
  return {
    meetingTitle: found.meeting.title,
    startsAt: found.meeting.startsAt.toISOString(),
    endsAt: found.meeting.endsAt.toISOString(),
    hostOrgName: found.hostOrgName,
    expiresAt: expiresAt.toISOString(),
  };
}

/** A teacher checks in by QR with a live code: only in the meeting's window, present or late, idempotent. */
export async function checkin(db: Executor, actor: Actor, meetingId: string, code: string, now = new Date()): Promise<CheckinResult> {
  const found = await repo.findMeeting(db, meetingId);
  if (!found || !recentCodeExpiresAt(found.meeting.checkinSecret, meetingId, code, now)) throw new AppError('CHECKIN_CODE_EXPIRED');
  const { meeting } = found;
  await assertAttendanceOpen(db, meetingId);
  if (meeting.status === 'cancelled' || meeting.status === 'postponed') {
    throw new AppError('INVALID_STATE', { params: { message: 'Buổi sinh hoạt đã hoãn hoặc hủy' } });
  }
  if (now.getTime() < meeting.startsAt.getTime() - CHECKIN_OPENS_MS) {
    throw new AppError('INVALID_STATE', { params: { message: 'Chưa đến giờ điểm danh' } });
  }
  if (now.getTime() > meeting.endsAt.getTime()) {
    throw new AppError('INVALID_STATE', { params: { message: 'Buổi sinh hoạt đã kết thúc' } });
  }
  const existing = await repo.findAttendance(db, meetingId, actor.personId);
  if (existing && (existing.status === 'present' || existing.status === 'late')) {
    return {
      status: existing.status,
      checkedInAt: (existing.checkedInAt ?? existing.updatedAt).toISOString(),
      alreadyCheckedIn: true,
      meetingTitle: meeting.title,
    };
  }
  const invitation = await repo.invitationOf(db, meetingId, actor.personId);
  const m = await loadMeetingAccess(db, actor, meetingId);
  if (!invitation && !existing && !isChairOrSecretary(actor, m.access)) {
    throw new AppError('INVALID_STATE', { params: { message: 'Bạn không có trong danh sách mời của buổi sinh hoạt này' } });
  }
  await assertAttendanceOpen(db, meetingId);
  const status: AttendanceStatus = now.getTime() > meeting.startsAt.getTime() + LATE_AFTER_MS ? 'late' : 'present';
  const row = {
    meetingId,
    personId: actor.personId,
    venueId: invitation?.venueId ?? null,
    status,
    reason: null,
    method: 'qr',
    checkedInAt: now,
    recordedBy: actor.personId,
  };
  // Someone marked excused/absent by the secretary who then shows up is corrected; a first check-in is inserted.
  if (existing) await repo.upsert(db, [row]);
  const saved = existing ? await repo.findAttendance(db, meetingId, actor.personId) : await repo.insertCheckin(db, row);
  if (!saved) throw notFound('điểm danh');
  return {
    status: saved.status,
    checkedInAt: (saved.checkedInAt ?? now).toISOString(),
    alreadyCheckedIn: saved.checkedInAt?.getTime() !== now.getTime(),
    meetingTitle: meeting.title,
  };
}
