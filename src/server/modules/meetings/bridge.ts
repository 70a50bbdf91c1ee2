import { SCHOOL_TYPES } from '../../../shared/enums';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { loadEditable, requireStatus } from './access';
import * as inviteRepo from './inviteRepo';
import * as repo from './repo';
import { localDay } from './validate';

/** What the bridge rule did. */
export interface BridgeResult {
  central: number;
  bridges: Array<{ venueId: string; name: string; count: number; created: boolean; hasLink: boolean }>;
  unassigned: number;
}

/** The district or commune an org belongs to on a day: the parent of its school, or the office itself. */
async function areaOf(db: Executor, orgId: string, day: string): Promise<string | null> {
  const chain = await orgsRepo.ancestorChain(db, orgId, day);
  const orgs = await orgsRepo.summaries(db, chain);
  const type = new Map(orgs.map((o) => [o.id, o.type]));
  const schoolAt = chain.findIndex((id) => SCHOOL_TYPES.includes(type.get(id) ?? 'team'));
  if (schoolAt >= 0) return chain[schoolAt + 1] ?? null;
  const office = chain.find((id) => type.get(id) === 'district_office' || type.get(id) === 'commune');
  return office ?? null;
}

/**
 * Seed 002's rule, in one action: invitees whose school sits under the host's district or commune (as of the
 * meeting's date) attend the central venue in person; everyone else joins at the bridge point of their own district
 * or commune, created when missing (named after it, link left empty: the meeting cannot be scheduled until it is set).
 * Staff of the province department go to the central venue.
 */
export async function applyBridgeRule(tx: Executor, actor: Actor, meetingId: string): Promise<BridgeResult> {
  const { meeting } = await loadEditable(tx, actor, meetingId);
  requireStatus(meeting, ['draft', 'scheduled', 'postponed'], 'Buổi sinh hoạt đã diễn ra hoặc đã hủy');
  if (meeting.mode === 'in_person')
    throw new AppError('INVALID_STATE', { params: { message: 'Quy tắc điểm cầu chỉ áp dụng cho buổi trực tuyến hoặc kết hợp' } });
  const day = localDay(meeting.startsAt);
  const hostArea = await areaOf(tx, meeting.hostOrgId, day);
  let venues = await repo.venuesOf(tx, meetingId);
  let central = venues.find((v) => v.isCentral);
  if (!central && meeting.mode === 'hybrid') {
    const host = await orgsRepo.findById(tx, meeting.hostOrgId);
    central = await repo.insertVenue(tx, {
      meetingId,
      isCentral: true,
      orgId: meeting.hostOrgId,
      name: host?.name ?? 'Điểm cầu trung tâm',
    });
    venues = [central, ...venues];
  }
  const places = await inviteRepo.inviteePlaces(tx, meetingId, day);
  const firstPlace = new Map<string, (typeof places)[number]>();
  for (const p of places) if (!firstPlace.has(p.personId)) firstPlace.set(p.personId, p);
  const invited = await repo.invitedPersonIds(tx, meetingId);
  const areaNames = new Map(
    (await orgsRepo.summaries(tx, [...new Set([...firstPlace.values()].map((p) => areaFor(p)).filter((x): x is string => !!x))])).map(
      (o) => [o.id, o.name],
    ),
  );
  const assignment = new Map<string, string | null>();
  const created = new Set<string>();
  let unassigned = 0;
  for (const personId of invited) {
    const place = firstPlace.get(personId);
    const area = place ? areaFor(place) : null;
    if (!area || (area === hostArea && meeting.mode === 'hybrid')) {
      assignment.set(personId, central?.id ?? null);
      if (!central) unassigned++;
      continue;
    }
    let bridge = venues.find((v) => !v.isCentral && v.orgId === area);
    if (!bridge) {
      bridge = await repo.insertVenue(tx, {
        meetingId,
        isCentral: false,
        orgId: area,
        name: `Điểm cầu ${areaNames.get(area) ?? ''}`.trim(),
        sortOrder: venues.length,
      });
      venues.push(bridge);
      created.add(bridge.id);
    }
    assignment.set(personId, bridge.id);
  }
  await inviteRepo.setVenues(tx, meetingId, assignment);
  const count = (id: string) => [...assignment.values()].filter((v) => v === id).length;
  const result: BridgeResult = {
    central: central ? count(central.id) : 0,
    bridges: venues
      .filter((v) => !v.isCentral)
      .map((v) => ({ venueId: v.id, name: v.name, count: count(v.id), created: created.has(v.id), hasLink: !!v.onlineUrl })),
    unassigned,
  };
  await audit(tx, actor, { action: 'bridge_rule', entityType: 'meeting', entityId: meetingId, orgId: meeting.hostOrgId, after: result });
  return result;
}

/** The area of an invitee's org: a school's parent, or the office itself; none for the province department. */
function areaFor(p: { orgId: string; orgType: string; parentId: string | null }): string | null {
  if (p.orgType === 'school' || p.orgType === 'center') return p.parentId;
  if (p.orgType === 'district_office' || p.orgType === 'commune') return p.orgId;
  return null;
}
