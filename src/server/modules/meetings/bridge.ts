import { SCHOOL_TYPES } from '../../../shared/enums';
import type { BridgeRuleInput } from '../../../shared/meetings';
import type { BridgePlanView } from '../../../shared/meetingViews';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { loadEditable, requireStatus } from './access';
import * as inviteRepo from './inviteRepo';
import { pickLink } from './meetingLinks';
import * as linksRepo from './meetingLinksRepo';
import { networkFacts } from './networkAccess';
import { isBridgeOrgOf, networkCan } from './policy';
import * as repo from './repo';
import { localDay } from './validate';

type LinkFrom = BridgePlanView['bridges'][number]['linkFrom'];

/** A bridge point of the plan: an existing venue, or one to create for an org. */
interface PlannedPoint {
  venueId: string | null;
  orgId: string | null;
  name: string;
  url: string | null;
  linkFrom: LinkFrom;
  created: boolean;
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

/** The area of an invitee's org: a school's parent, or the office itself; none for the province department. */
function areaFor(p: { orgId: string; orgType: string; parentId: string | null }): string | null {
  if (p.orgType === 'school' || p.orgType === 'center') return p.parentId;
  if (p.orgType === 'district_office' || p.orgType === 'commune') return p.orgId;
  return null;
}

/**
 * Seed 002's rule ("Xếp điểm cầu tự động"): invitees whose school sits under the host's district or commune (as of the
 * meeting's date) attend the central venue in person; everyone else joins at a bridge point — one a person made for
 * their own school, else the one of their district or commune, created when missing. Invitees whose venue was chosen
 * by hand stay where they are. Each point takes its online link from the point itself or the network's saved links
 * (point, subject, general); `input.links` supplies the missing ones, which are also saved to the network when the
 * actor may edit it. With `preview`, nothing is written and the answer says what would change. A point left without
 * the link it needs is refused (400 naming it), so the rule never leaves one behind.
 */
export async function applyBridgeRule(tx: Executor, actor: Actor, meetingId: string, input: BridgeRuleInput = {}): Promise<BridgePlanView> {
  const { meeting } = await loadEditable(tx, actor, meetingId);
  requireStatus(meeting, ['draft', 'scheduled', 'postponed'], 'Buổi sinh hoạt đã diễn ra hoặc đã hủy');
  if (meeting.mode === 'in_person')
    throw new AppError('INVALID_STATE', { params: { message: 'Quy tắc điểm cầu chỉ áp dụng cho buổi trực tuyến hoặc kết hợp' } });
  const day = localDay(meeting.startsAt);
  const [hostArea, venues, places, choices, subjects, saved] = await Promise.all([
    areaOf(tx, meeting.hostOrgId, day),
    repo.venuesOf(tx, meetingId),
    inviteRepo.inviteePlaces(tx, meetingId, day),
    inviteRepo.venueChoices(tx, meetingId),
    repo.subjectsOf(tx, [meetingId]),
    meeting.networkId ? linksRepo.plainLinks(tx, meeting.networkId) : Promise.resolve([]),
  ]);
  const subjectIds = subjects.map((s) => s.id);
  const given = new Map((input.links ?? []).map((l) => [l.orgId, l.url]));
  const linkOf = (orgId: string | null, own: string | null): { url: string | null; linkFrom: LinkFrom } => {
    if (own) return { url: own, linkFrom: 'venue' };
    const typed = orgId ? given.get(orgId) : undefined;
    if (typed) return { url: typed, linkFrom: 'venue' };
    const hit = meeting.networkId ? pickLink(saved, orgId, subjectIds) : null;
    return hit ? { url: hit.url, linkFrom: hit.from } : { url: null, linkFrom: 'none' };
  };
  const centralRow = venues.find((v) => v.isCentral);
  const central: PlannedPoint | null = centralRow
    ? {
        venueId: centralRow.id,
        orgId: centralRow.orgId,
        name: centralRow.name,
        ...linkOf(centralRow.orgId, centralRow.onlineUrl),
        created: false,
      }
    : meeting.mode === 'hybrid'
      ? {
          venueId: null,
          orgId: meeting.hostOrgId,
          name: (await orgsRepo.findById(tx, meeting.hostOrgId))?.name ?? 'Điểm cầu trung tâm',
          url: null,
          linkFrom: 'none',
          created: true,
        }
      : null;
  const points: PlannedPoint[] = venues
    .filter((v) => !v.isCentral)
    .map((v) => ({ venueId: v.id, orgId: v.orgId, name: v.name, ...linkOf(v.orgId, v.onlineUrl), created: false }));
  const byPlace = new Map<string, (typeof places)[number][]>();
  for (const p of places) byPlace.set(p.personId, [...(byPlace.get(p.personId) ?? []), p]);
  const areaIds = [...new Set(places.map(areaFor).filter((x): x is string => !!x))];
  const areaNames = new Map((await orgsRepo.summaries(tx, areaIds)).map((o) => [o.id, o.name]));
  const target = new Map<string, PlannedPoint | null>();
  let kept = 0;
  for (const c of choices) {
    if (c.venueChosen && c.venueId) {
      kept++;
      continue;
    }
    const own = byPlace.get(c.personId) ?? [];
    const atSchool = points.find((pt) => pt.orgId && own.some((p) => p.orgId === pt.orgId));
    const area = own[0] ? areaFor(own[0]) : null;
    if (atSchool) target.set(c.personId, atSchool);
    else if (!area || (area === hostArea && meeting.mode === 'hybrid')) target.set(c.personId, central);
    else {
      let point = points.find((pt) => pt.orgId === area);
      if (!point) {
        point = { venueId: null, orgId: area, name: `Điểm cầu ${areaNames.get(area) ?? ''}`.trim(), ...linkOf(area, null), created: true };
        points.push(point);
      }
      target.set(c.personId, point);
    }
  }
  const current = new Map(choices.map((c) => [c.personId, c.venueId]));
  const count = (pt: PlannedPoint | null) => [...target.values()].filter((t) => t === pt).length;
  const used = points.filter((pt) => !pt.created || count(pt) > 0);
  const needsLink = [...used, ...(meeting.mode === 'online' && central ? [central] : [])];
  const plan: BridgePlanView = {
    central: central ? count(central) : 0,
    bridges: used.map((pt) => ({
      venueId: pt.venueId,
      orgId: pt.orgId,
      name: pt.name,
      count: count(pt),
      created: pt.created,
      hasLink: !!pt.url,
      linkFrom: pt.linkFrom,
    })),
    moved: [...target].filter(([personId, pt]) =>
      pt ? pt.venueId === null || current.get(personId) !== pt.venueId : current.get(personId) != null,
    ).length,
    kept,
    unassigned: count(null),
    missingLinks: needsLink.filter((pt) => !pt.url).map((pt) => pt.name),
  };
  const unknown = (input.links ?? []).findIndex((l) => !needsLink.some((pt) => pt.orgId === l.orgId));
  if (unknown >= 0) throw fieldError(`links.${unknown}.orgId`, 'Đơn vị không phải điểm cầu của buổi sinh hoạt này');
  if (input.preview) return plan;
  if (plan.missingLinks.length)
    throw fieldError(
      'links',
      `Điểm cầu ${plan.missingLinks.map((n: string) => `«${n}»`).join(', ')} chưa có đường liên kết họp trực tuyến`,
    );
  for (const pt of [...(central ? [central] : []), ...used]) {
    if (pt.venueId === null) {
      const row = await repo.insertVenue(tx, {
        meetingId,
        isCentral: pt === central,
        orgId: pt.orgId,
        name: pt.name,
        onlineUrl: pt.url,
        sortOrder: venues.length + used.indexOf(pt),
      });
      pt.venueId = row.id;
    } else if (pt.linkFrom !== 'venue' || given.has(pt.orgId ?? '')) await repo.updateVenue(tx, pt.venueId, { onlineUrl: pt.url });
  }
  await inviteRepo.setVenues(tx, meetingId, new Map([...target].map(([personId, pt]) => [personId, pt?.venueId ?? null])));
  if (meeting.networkId && given.size) await saveToNetwork(tx, actor, meeting.networkId, given);
  await audit(tx, actor, { action: 'bridge_rule', entityType: 'meeting', entityId: meetingId, orgId: meeting.hostOrgId, after: plan });
  return plan;
}

/** Keeps the links typed for new points as the network's links of those orgs, when the actor edits the network. */
async function saveToNetwork(tx: Executor, actor: Actor, networkId: string, given: Map<string, string>): Promise<void> {
  const facts = await networkFacts(tx, networkId);
  if (!networkCan(actor, facts).edit) return;
  const chains = await orgsRepo.ancestorChains(tx, [...given.keys()], todayIso());
  for (const [orgId, url] of given)
    if (isBridgeOrgOf(facts, chains.get(orgId) ?? [orgId])) await linksRepo.saveLink(tx, networkId, { subjectId: null, orgId }, url);
}
