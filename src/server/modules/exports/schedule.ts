import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { formHeading } from '../../lib/documents/issuer';
import { localityOf } from '../../lib/documents/locality';
import type { ScheduleDocument, ScheduleMeeting } from '../../lib/documents/mau1';
import type { Signature } from '../../lib/documents/nd30';
import { fieldError, notFound } from '../../lib/errors';
import { scheduleVisibility } from '../meetings/listRepo';
import { viewerOf } from '../meetings/policy';
import * as orgsRepo from '../orgs/repo';
import { effectiveRulesMany } from '../rules/effective';
import { PRESET_GUIDANCE, type RulePreset } from '../rules/presets';
import { chainOrgs, clampDate, nearestOffice, unitsAndTitles } from './people';
import { withPlanned } from './planned';
import { plannedItems } from './plannedRepo';
import { authorize } from './policy';
import * as repo from './repo';
import type { ScheduleQuery } from './schema';

/** Reads the schedule (Mẫu 1) of a network or an org subtree for a school year and term, after the policy check. */
export async function scheduleDocument(db: Executor, actor: Actor, q: ScheduleQuery): Promise<ScheduleDocument> {
  return q.networkId ? networkSchedule(db, actor, q.networkId, q) : orgSchedule(db, actor, q.orgId as string, q);
}

/**
 * The guidance a schedule follows, for its footnote: the document of the preset the rules in force came from; rules
 * set by hand cite the office that set them; none when no office has set rules.
 */
async function guidanceOf(db: Executor, orgId: string, schoolYearId: string, yearCode: string): Promise<string | null> {
  const rules = (await effectiveRulesMany(db, [orgId], schoolYearId)).get(orgId);
  if (!rules || rules.source === 'default') return null;
  if (rules.preset && rules.preset in PRESET_GUIDANCE) return PRESET_GUIDANCE[rules.preset as RulePreset];
  const [office] = await repo.orgsByIds(db, [rules.orgId]);
  return office ? `hướng dẫn sinh hoạt chuyên môn năm học ${yearCode} của ${office.name}` : null;
}

async function period(db: Executor, schoolYearId: string, term: number | undefined) {
  const { year, term: t } = await repo.schoolYearWithTerm(db, schoolYearId, term);
  if (!year) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  if (term !== undefined && !t) throw fieldError('term', 'Học kỳ không tồn tại trong năm học này');
  const from = t?.startDate ?? year.startDate;
  const to = t?.endDate ?? year.endDate;
  return { year, term: t, date: clampDate(todayIso(), from, to) };
}

async function networkSchedule(db: Executor, actor: Actor, networkId: string, q: ScheduleQuery): Promise<ScheduleDocument> {
  const network = await repo.findNetwork(db, networkId);
  if (!network) throw notFound('mạng lưới');
  if (q.schoolYearId && q.schoolYearId !== network.schoolYearId) throw fieldError('schoolYearId', 'Mạng lưới không thuộc năm học này');
  const today = todayIso();
  const memberIds = await repo.memberOrgIds(db, networkId);
  const [memberChains, supervisingChain, leaders] = await Promise.all([
    orgsRepo.ancestorChains(db, memberIds, today),
    orgsRepo.ancestorChain(db, network.supervisingOrgId, today),
    repo.leadersOf(db, [networkId]),
  ]);
  authorize(actor, 'schedule.network', {
    memberChains: [...memberChains.values()],
    supervisingChain,
    leaderIds: leaders.map((l) => l.personId),
  });

  const { year, term, date } = await period(db, network.schoolYearId, q.term);
  const leader = leaders.find((l) => l.role === 'leader') ?? leaders[0];
  const titles = await unitsAndTitles(db, leader ? [leader.personId] : [], date);
  const leaderInfo = leader ? titles.get(leader.personId) : undefined;
  const issuerId = network.leadOrgId ?? memberIds[0] ?? network.supervisingOrgId;
  const [issuer, supervising] = await Promise.all([chainOrgs(db, issuerId, date), chainOrgs(db, network.supervisingOrgId, date)]);
  const locality = localityOf(nearestOffice(supervising)?.name ?? '') ?? localityOf(nearestOffice(issuer)?.name ?? '');
  const heading = formHeading(issuer);
  const principal =
    !leader && network.leadOrgId ? (await repo.holdersOf(db, network.leadOrgId, ['principal', 'vice_principal'], date))[0] : undefined;
  const signature: Signature = {
    authority: network.kind === 'cluster' ? 'Cụm trưởng' : 'Trưởng nhóm',
    title: leaderInfo?.title ?? (principal ? `Hiệu trưởng ${issuer[0]?.name ?? ''}` : null),
    name: leader?.fullName ?? principal?.fullName ?? null,
  };
  const networkIds = await repo.networkAndChildren(db, networkId);
  const meetings = withPlanned(
    await scheduleRows(db, actor, await repo.scheduleMeetings(db, { schoolYearId: year.id, term, networkIds })),
    await plannedItems(db, { schoolYearId: year.id, term, networkIds }),
  );
  return {
    body: heading.body,
    place: heading.place,
    issuedOn: todayIso(),
    scope:
      locality && !network.name.toLowerCase().includes(locality.place.toLowerCase()) ? `${network.name} - ${locality.label}` : network.name,
    term: q.term ?? null,
    schoolYear: year.code,
    meetings,
    recipients: [`${supervising[0]?.name ?? ''} (để báo cáo)`, 'Các trường thành viên (để thực hiện)', 'Lưu: VT'],
    signature,
    guidance: await guidanceOf(db, network.supervisingOrgId, year.id, year.code),
  };
}

const OFFICE_TITLES: Record<string, string> = {
  province_department: 'Giám đốc',
  district_office: 'Trưởng phòng',
  commune: 'Lãnh đạo đơn vị',
};

async function orgSchedule(db: Executor, actor: Actor, orgId: string, q: ScheduleQuery): Promise<ScheduleDocument> {
  const [org] = await repo.orgsByIds(db, [orgId]);
  if (!org) throw notFound('đơn vị');
  const { year, term, date } = await period(db, q.schoolYearId as string, q.term);
  const [chainToday, subtree, chain] = await Promise.all([
    orgsRepo.ancestorChain(db, orgId, todayIso()),
    orgsRepo.subtreeIds(db, [orgId], date),
    chainOrgs(db, orgId, date),
  ]);
  authorize(actor, 'schedule.org', { orgChain: chainToday, subtree });

  const isOffice = org.type in OFFICE_TITLES;
  const [holder] = await repo.holdersOf(db, orgId, isOffice ? ['office_leader'] : ['principal', 'vice_principal'], date);
  const locality = localityOf(nearestOffice(chain)?.name ?? '');
  const heading = formHeading(chain);
  const meetings = withPlanned(
    await scheduleRows(db, actor, await repo.scheduleMeetings(db, { schoolYearId: year.id, term, hostOrgIds: subtree })),
    await plannedItems(db, { schoolYearId: year.id, term, hostOrgIds: subtree }),
  );
  return {
    body: heading.body,
    place: heading.place,
    issuedOn: todayIso(),
    scope: isOffice && locality ? locality.label : org.name,
    term: q.term ?? null,
    schoolYear: year.code,
    meetings,
    recipients: [...(chain[1] ? [`${chain[1].name} (để báo cáo)`] : []), 'Lưu: VT'],
    guidance: await guidanceOf(db, orgId, year.id, year.code),
    signature: {
      authority: isOffice ? null : 'Trưởng nhóm',
      title: isOffice
        ? OFFICE_TITLES[org.type]
        : holder?.position === 'vice_principal'
          ? `Phó Hiệu trưởng ${org.name}`
          : `Hiệu trưởng ${org.name}`,
      name: holder?.fullName ?? null,
    },
  };
}

type MeetingRow = Awaited<ReturnType<typeof repo.scheduleMeetings>>[number];

/** The public calendar line of a meeting the actor does not read in full: no content, place, count, notes or reason. */
function publicLine(m: MeetingRow, subjects: string[]): ScheduleMeeting {
  const { startsAt, endsAt, title, mode, status } = m;
  return {
    startsAt,
    endsAt,
    subjects,
    title,
    content: null,
    place: m.hostName,
    count: null,
    mode,
    status,
    statusReason: null,
    notes: null,
  };
}

/**
 * Meeting rows with their subjects, place and count, as the schedule shows them: only the lines the meetings list
 * shows the actor (others' drafts left out), and of meetings the actor does not read in full only the public
 * calendar facts (title, time, host, subjects, status), as in the list (issue 14, finding 7).
 */
async function scheduleRows(db: Executor, actor: Actor, all: MeetingRow[]): Promise<ScheduleMeeting[]> {
  const visible = await scheduleVisibility(
    db,
    viewerOf(actor),
    all.map((r) => r.id),
    todayIso(),
  );
  const rows = all.filter((r) => visible.has(r.id));
  const ids = rows.map((r) => r.id);
  const [subjects, venues, invited] = await Promise.all([
    repo.subjectNames(db, ids),
    repo.venuesOf(db, ids),
    repo.invitationCounts(db, ids),
  ]);
  return rows.map((m) => {
    if (!visible.get(m.id)) return publicLine(m, subjects.get(m.id) ?? []);
    const own = venues.filter((v) => v.meetingId === m.id);
    const central = own.find((v) => v.isCentral);
    const centralText = central
      ? [central.orgName ?? central.name, central.room, central.address].filter(Boolean).join(', ')
      : m.mode === 'online'
        ? `Trực tuyến (${m.hostName} chủ trì)`
        : m.hostName;
    // A hybrid meeting's bridge points are part of where it takes place.
    const points = own.filter((v) => !v.isCentral).map((v) => v.orgName ?? v.name);
    const place = points.length ? `Điểm cầu chính: ${centralText}\nCác điểm cầu: ${points.join('; ')}` : centralText;
    return {
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      subjects: subjects.get(m.id) ?? [],
      title: m.title,
      content: m.content,
      place,
      count: m.plannedCount ?? (invited.get(m.id) || null),
      mode: m.mode,
      status: m.status,
      statusReason: m.statusReason,
      notes: m.notes,
    };
  });
}
