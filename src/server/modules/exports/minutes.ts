import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { formHeading } from '../../lib/documents/issuer';
import type { MinutesDocument } from '../../lib/documents/mau2';
import { vnParts, vnShortDate } from '../../lib/documents/vnDate';
import { notFound } from '../../lib/errors';
import * as meetingsRepo from '../meetings/repo';
import * as orgsRepo from '../orgs/repo';
import { chainOrgs, isManagerTitle, unitsAndTitles } from './people';
import { authorize } from './policy';
import * as repo from './repo';

const isoOf = (d: Date) => {
  const p = vnParts(d);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/** Reads the minutes (Mẫu 2) of a meeting after the policy check; a meeting without minutes gives a prefilled draft. */
export async function minutesDocument(db: Executor, actor: Actor, meetingId: string): Promise<MinutesDocument> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('buổi sinh hoạt');
  const mins = await repo.minutesOf(db, meetingId);
  const [invitees, attendance, presenters, signatures] = await Promise.all([
    meetingsRepo.invitedPersonIds(db, meetingId),
    repo.attendanceOf(db, meetingId),
    repo.presentersOf(db, meetingId),
    mins ? repo.signaturesOf(db, mins.id) : Promise.resolve([]),
  ]);
  const today = todayIso();
  const memberIds = meeting.networkId ? await repo.memberOrgIds(db, meeting.networkId) : [];
  const [hostChain, memberChains, leaders] = await Promise.all([
    orgsRepo.ancestorChain(db, meeting.hostOrgId, today),
    orgsRepo.ancestorChains(db, memberIds, today),
    repo.leadersOf(db, meeting.networkId ? [meeting.networkId] : []),
  ]);
  const participantIds = [
    ...invitees,
    ...attendance.map((a) => a.personId),
    ...presenters.map((p) => p.personId),
    ...signatures.map((s) => s.personId),
    meeting.chairPersonId,
    meeting.secretaryPersonId,
    meeting.createdBy,
  ].filter((x): x is string => !!x);
  authorize(actor, 'minutes', {
    participantIds,
    hostChain,
    memberChains: [...memberChains.values()],
    leaderIds: leaders.map((l) => l.personId),
  });

  const date = isoOf(meeting.startsAt);
  const roleIds = [meeting.chairPersonId, meeting.secretaryPersonId].filter((x): x is string => !!x);
  const [chain, info, names, subjects, venues] = await Promise.all([
    chainOrgs(db, meeting.hostOrgId, date),
    unitsAndTitles(db, participantIds, date),
    repo.peopleNames(db, roleIds),
    repo.subjectNames(db, [meetingId]),
    repo.venuesOf(db, [meetingId]),
  ]);
  const heading = formHeading(chain);
  const subjectList = subjects.get(meetingId) ?? [];
  // The subtitle names who met and on what: the network (else the host) and the subjects.
  const who = meeting.networkId ? ((await repo.findNetwork(db, meeting.networkId))?.name ?? null) : (chain[0]?.name ?? null);
  const scope = [who, subjectList.length ? `Môn ${subjectList.join(', ')}` : null].filter(Boolean).join(' - ');
  const venueText = (v: (typeof venues)[number]) => [v.orgName ?? v.name, v.room, v.address].filter(Boolean).join(', ');
  const central = venues.find((v) => v.isCentral);
  const signedAt = new Map(signatures.map((s) => [s.personId, s.signedAt]));
  const signNote = (id: string | null) => {
    const at = id ? signedAt.get(id) : undefined;
    return at ? `(Đã ký xác nhận ngày ${vnShortDate(at)})` : null;
  };
  const chairTitle = meeting.chairPersonId ? info.get(meeting.chairPersonId)?.title : null;
  const presenterIds = new Set(presenters.map((p) => p.personId).filter(Boolean));
  const present = attendance.filter((a) => a.status === 'present' || a.status === 'late');
  const roleOf = (id: string) =>
    id === meeting.chairPersonId
      ? 'Chủ trì'
      : id === meeting.secretaryPersonId
        ? 'Thư ký'
        : presenterIds.has(id)
          ? 'Người thực hiện'
          : 'Thành viên';
  const participantNames = new Map([...present, ...signatures].map((p) => [p.personId, p.fullName]));
  for (const id of roleIds) participantNames.set(id, names.get(id) ?? '');
  const rank = (id: string) => (id === meeting.chairPersonId ? 0 : id === meeting.secretaryPersonId ? 1 : 2);
  const participants = [...participantNames.entries()]
    .map(([personId, name]) => ({
      personId,
      name,
      unit: info.get(personId)?.unit ?? null,
      role: roleOf(personId),
      signedAt: signedAt.get(personId) ?? null,
    }))
    .sort((a, b) => rank(a.personId) - rank(b.personId) || a.name.localeCompare(b.name, 'vi'));

  return {
    body: heading.body,
    place: heading.place,
    scope: scope || 'Sinh hoạt chuyên môn liên trường',
    meetingTitle: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    venue: central ? venueText(central) : meeting.mode === 'online' ? 'Trực tuyến' : (chain[0]?.name ?? ''),
    bridgePoints: venues.filter((v) => !v.isCentral).map(venueText),
    presenters: presenters.map((p) => ({
      name: p.fullName ?? p.orgName ?? '',
      unit: p.personId ? (info.get(p.personId)?.unit ?? p.orgName) : null,
      topic: p.topic,
    })),
    plannedCount: meeting.plannedCount ?? (invitees.length || null),
    actualCount: attendance.length ? present.length : null,
    absentees: attendance
      .filter((a) => a.status === 'absent' || a.status === 'excused')
      .map((a) => ({
        name: a.fullName,
        unit: info.get(a.personId)?.unit ?? null,
        reason: a.reason ?? '',
        excused: a.status === 'excused',
      })),
    discussion: mins?.discussion ?? '',
    recommendations: mins?.recommendations ?? '',
    secretary: {
      authority: 'Người ghi biên bản',
      name: meeting.secretaryPersonId ? names.get(meeting.secretaryPersonId) : null,
      note: signNote(meeting.secretaryPersonId),
    },
    chair: {
      authority: 'Chủ trì',
      title: isManagerTitle(chairTitle) ? chairTitle : null,
      name: meeting.chairPersonId ? names.get(meeting.chairPersonId) : null,
      note: signNote(meeting.chairPersonId),
    },
    participants: participants.map(({ personId: _, ...p }) => p),
    locked: mins?.status === 'locked',
    lockedAt: mins?.lockedAt ?? null,
    textHash: mins?.textHash ?? null,
  };
}
