import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { type Executor, preparedOnce } from '../../db/client';
import {
  agendaItems,
  invitationRules,
  invitations,
  meetingPresenters,
  meetingSubjects,
  meetings,
  networkChatLinks,
  networkLeaders,
  networkMembers,
  orgs,
  people,
  planItems,
  plans,
  schoolYears,
  subjects,
  terms,
  venues,
} from '../../db/schema';
import { subjectsJsonOf } from './listRepo';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingInsert = typeof meetings.$inferInsert;
export type VenueRow = typeof venues.$inferSelect;

/** Inserts a meeting. */
export async function insertMeeting(db: Executor, row: MeetingInsert): Promise<MeetingRow> {
  const [m] = await db.insert(meetings).values(row).returning();
  return m;
}

/** Changes a meeting. */
export async function updateMeeting(db: Executor, id: string, row: Partial<MeetingInsert>): Promise<MeetingRow> {
  const [m] = await db
    .update(meetings)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(meetings.id, id))
    .returning();
  return m;
}

/** Deletes a meeting (its children cascade). */
export async function deleteMeeting(db: Executor, id: string): Promise<void> {
  await db.delete(meetings).where(eq(meetings.id, id));
}

/** Replaces the subjects, presenters and agenda of a meeting. */
export async function replaceChildren(
  db: Executor,
  meetingId: string,
  c: {
    subjectIds: string[];
    presenters: Array<{ personId: string | null; orgId: string | null; topic: string | null }>;
    agenda: Array<{ startsAt: string; endsAt: string; title: string; presenterPersonId: string | null }>;
  },
): Promise<void> {
  await db.delete(meetingSubjects).where(eq(meetingSubjects.meetingId, meetingId));
  await db.delete(meetingPresenters).where(eq(meetingPresenters.meetingId, meetingId));
  await db.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  if (c.subjectIds.length) await db.insert(meetingSubjects).values(c.subjectIds.map((subjectId) => ({ meetingId, subjectId })));
  if (c.presenters.length) await db.insert(meetingPresenters).values(c.presenters.map((p, i) => ({ ...p, meetingId, sortOrder: i })));
  if (c.agenda.length) await db.insert(agendaItems).values(c.agenda.map((a, i) => ({ ...a, meetingId, sortOrder: i })));
}

/** Venues of a meeting, central first. */
export async function venuesOf(db: Executor, meetingId: string): Promise<VenueRow[]> {
  return db
    .select()
    .from(venues)
    .where(eq(venues.meetingId, meetingId))
    .orderBy(sql`${venues.isCentral} desc`, asc(venues.sortOrder), asc(venues.name));
}

/** Inserts one venue. */
export async function insertVenue(db: Executor, row: typeof venues.$inferInsert): Promise<VenueRow> {
  const [v] = await db.insert(venues).values(row).returning();
  return v;
}

/** Changes one venue of a meeting. */
export async function updateVenue(db: Executor, id: string, row: Partial<typeof venues.$inferInsert>): Promise<void> {
  await db.update(venues).set(row).where(eq(venues.id, id));
}

/** Deletes venues of a meeting (invitations keep their person, lose the venue). */
export async function deleteVenues(db: Executor, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(venues).where(inArray(venues.id, ids));
}

/** Subjects of many meetings. */
export async function subjectsOf(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: meetingSubjects.meetingId, id: subjects.id, name: subjects.name })
    .from(meetingSubjects)
    .innerJoin(subjects, eq(subjects.id, meetingSubjects.subjectId))
    .where(inArray(meetingSubjects.meetingId, meetingIds))
    .orderBy(asc(subjects.sortOrder));
}

/** Presenters of a meeting with names. */
export async function presentersOf(db: Executor, meetingId: string) {
  return db
    .select({
      id: meetingPresenters.id,
      personId: meetingPresenters.personId,
      personName: people.fullName,
      orgId: meetingPresenters.orgId,
      orgName: orgs.name,
      topic: meetingPresenters.topic,
    })
    .from(meetingPresenters)
    .leftJoin(people, eq(people.id, meetingPresenters.personId))
    .leftJoin(orgs, eq(orgs.id, meetingPresenters.orgId))
    .where(eq(meetingPresenters.meetingId, meetingId))
    .orderBy(asc(meetingPresenters.sortOrder));
}

/** Member org ids of a network. */
export async function networkMemberIds(db: Executor, networkId: string | null): Promise<string[]> {
  if (!networkId) return [];
  const rows = await db.select({ id: networkMembers.orgId }).from(networkMembers).where(eq(networkMembers.networkId, networkId));
  return rows.map((r) => r.id);
}

/** People leading a network (leader or deputy). */
export async function networkLeaderIds(db: Executor, networkId: string | null): Promise<string[]> {
  if (!networkId) return [];
  const rows = await db.select({ id: networkLeaders.personId }).from(networkLeaders).where(eq(networkLeaders.networkId, networkId));
  return rows.map((r) => r.id);
}

/** What the meeting policy needs beyond the meeting row (as read by meetingWithFacts). */
export interface RawPolicyFacts {
  memberIds: string[];
  chains: Record<string, string[]>;
  leaderIds: string[];
  invited: boolean;
  presents: boolean;
  /** The minutes are out for signing or locked: the meeting's record is closed (decision 0024). */
  recordClosed: boolean;
}

/**
 * The policy facts of the meeting row being selected, as one JSON value (decisions 0018, 0019): the network's member
 * orgs, the chain of ancestors on `date` of the host and of each member (as orgs/repo ancestorChains gives them), the
 * network's leaders, and whether the person is invited to or presents at the meeting (placeholders `personId`,
 * `date`: the statements using it are built once, client.ts preparedOnce). The outer row is named
 * `meetings.…` in full: drizzle writes a select list's columns unqualified, and inside these subqueries "id" would be
 * the inner table's.
 */
function policyFactsSql() {
  const personId = sql.placeholder('personId');
  const date = sql.placeholder('date');
  return sql<RawPolicyFacts>`(with recursive members as (
      select org_id from network_members where network_id = meetings.network_id
    ),
    up(start, id, depth) as (
      -- (an "or" here made the planner scan orgs and org_links whole: 3.2 ms instead of 0.5 at M)
      select o.id, o.id, 0 from (select meetings.host_org_id as id union select org_id from members) x join orgs o on o.id = x.id
      union all
      select up.start, l.parent_id, up.depth + 1 from org_links l join up on l.org_id = up.id
      where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and up.depth < 12
    )
    select json_build_object(
      'memberIds', coalesce((select json_agg(org_id) from members), '[]'::json),
      'chains', coalesce((select json_object_agg(c.start, c.chain) from (
        select start, json_agg(id order by depth) as chain from up group by start
      ) c), '{}'::json),
      'leaderIds', coalesce((select json_agg(person_id) from network_leaders where network_id = meetings.network_id), '[]'::json),
      'invited', exists(select 1 from invitations where meeting_id = meetings.id and person_id = ${personId}),
      'presents', exists(select 1 from meeting_presenters where meeting_id = meetings.id and person_id = ${personId}),
      'recordClosed', exists(select 1 from minutes where meeting_id = meetings.id and status in ('signing', 'locked'))))`;
}

/**
 * One meeting row (locked for the rest of the transaction when `lock`) with its policy facts for a person on a date,
 * in one prepared statement: every meeting route starts with it.
 */
export async function meetingWithFacts(
  db: Executor,
  id: string,
  personId: string,
  date: string,
  lock: boolean,
): Promise<{ meeting: MeetingRow; facts: RawPolicyFacts } | undefined> {
  const name = lock ? 'lt_meeting_with_facts_locked' : 'lt_meeting_with_facts';
  const rows = await preparedOnce(db, name, () => {
    const query = db
      .select({ ...getTableColumns(meetings), facts: policyFactsSql() })
      .from(meetings)
      .where(eq(meetings.id, sql.placeholder('id')))
      .limit(1);
    return (lock ? query.for('update') : query).prepare(name);
  }).execute({ id, personId, date });
  if (!rows[0]) return undefined;
  const { facts, ...meeting } = rows[0];
  return { meeting, facts };
}

/** Ids among the given that exist, per table. */
export async function existing(db: Executor, table: 'orgs' | 'people' | 'subjects', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const t = { orgs, people, subjects }[table];
  const rows = await db.select({ id: t.id }).from(t).where(inArray(t.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** The school year whose dates hold a day, with the number of the term holding it (null between terms). */
export async function yearAndTermOn(db: Executor, day: string, schoolYearId?: string | null) {
  const year = schoolYearId
    ? (await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId)).limit(1))[0]
    : (await db.select().from(schoolYears).where(sql`${schoolYears.startDate} <= ${day} and ${schoolYears.endDate} >= ${day}`).limit(1))[0];
  if (!year) return undefined;
  const [term] = await db
    .select({ number: terms.number })
    .from(terms)
    .where(and(eq(terms.schoolYearId, year.id), sql`${terms.startDate} <= ${day} and ${terms.endDate} >= ${day}`))
    .limit(1);
  return { year, termNumber: term?.number ?? null };
}

/** A plan item with the network or org of its plan. */
export async function findPlanItem(db: Executor, id: string) {
  const rows = await db
    .select({ item: planItems, planNetworkId: plans.networkId, planOrgId: plans.orgId, planYearId: plans.schoolYearId })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(eq(planItems.id, id))
    .limit(1);
  return rows[0];
}

/** Invitation rules of a meeting with how many invitations each made. */
export async function rulesOf(db: Executor, meetingId: string) {
  return db
    .select({
      id: invitationRules.id,
      rule: invitationRules.rule,
      description: invitationRules.description,
      count: sql<number>`(select count(*)::int from invitations i where i.rule_id = invitation_rules.id)`,
    })
    .from(invitationRules)
    .where(eq(invitationRules.meetingId, meetingId))
    .orderBy(asc(invitationRules.createdAt));
}

/** Person ids invited to a meeting. */
export async function invitedPersonIds(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await db.select({ id: invitations.personId }).from(invitations).where(eq(invitations.meetingId, meetingId));
  return rows.map((r) => r.id);
}

/** Full names of people by id. */
export async function peopleNames(db: Executor, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = ids.filter((x): x is string => !!x);
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.fullName }).from(people).where(inArray(people.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A network's chat links with subject names. */
export async function chatLinksOf(db: Executor, networkId: string) {
  return db
    .select({
      id: networkChatLinks.id,
      url: networkChatLinks.url,
      label: networkChatLinks.label,
      subjectId: subjects.id,
      subjectName: subjects.name,
    })
    .from(networkChatLinks)
    .leftJoin(subjects, eq(subjects.id, networkChatLinks.subjectId))
    .where(eq(networkChatLinks.networkId, networkId))
    .orderBy(asc(subjects.sortOrder));
}

/** Replaces a network's chat links. */
export async function replaceChatLinks(
  db: Executor,
  networkId: string,
  links: Array<{ subjectId: string | null; url: string; label: string | null }>,
): Promise<void> {
  await db.delete(networkChatLinks).where(eq(networkChatLinks.networkId, networkId));
  if (links.length) await db.insert(networkChatLinks).values(links.map((l) => ({ ...l, networkId })));
}

/** What a meeting page shows besides its row and policy facts, read with them (see `meetingPage`). */
export interface DetailParts {
  hostName: string | null;
  networkName: string | null;
  chairName: string | null;
  secretaryName: string | null;
  presenters: Array<{
    id: string;
    personId: string | null;
    personName: string | null;
    orgId: string | null;
    orgName: string | null;
    topic: string | null;
  }>;
  agenda: Array<{ id: string; startsAt: string; endsAt: string; title: string; presenterId: string | null; presenterName: string | null }>;
  venues: Array<{
    id: string;
    isCentral: boolean;
    orgId: string | null;
    orgName: string | null;
    name: string;
    room: string | null;
    address: string | null;
    onlineUrl: string | null;
  }>;
  rules: Array<{ id: string; rule: unknown; description: string; count: number }>;
  attachments: Array<{ id: string; fileName: string; mimeType: string; size: number; createdAt: string }>;
  subjects: Array<{ id: string; name: string }>;
  invitations: Array<{
    id: string;
    personId: string;
    fullName: string;
    email: string | null;
    phone: string | null;
    venueId: string | null;
    ruleId: string | null;
    orgName: string | null;
  }>;
}

/**
 * SQL: the names (host, network, chair, secretary) and the ordered lists (presenters, agenda, venues with their org,
 * invitation rules with their counts, attachments, subjects, invitations) of the meeting in the select's row, as one
 * JSON object. Presenters and rules in the orders of presentersOf and rulesOf, venues as venuesOf, subjects as the
 * schedule lines (listRepo `subjectsJsonOf`), invitations as invitationsOf on the meeting's day in Vietnam. The row's
 * columns are written `meetings.…` in full, as in policyFactsSql.
 */
const detailPartsSql = sql<DetailParts>`(select json_build_object(
      'hostName', (select name from orgs where id = meetings.host_org_id),
      'networkName', (select name from networks where id = meetings.network_id),
      'chairName', (select full_name from people where id = meetings.chair_person_id),
      'secretaryName', (select full_name from people where id = meetings.secretary_person_id),
      'presenters', coalesce((select json_agg(json_build_object('id', p.id, 'personId', p.person_id, 'personName', pe.full_name,
          'orgId', p.org_id, 'orgName', o.name, 'topic', p.topic) order by p.sort_order)
        from meeting_presenters p left join people pe on pe.id = p.person_id left join orgs o on o.id = p.org_id
        where p.meeting_id = meetings.id), '[]'::json),
      'agenda', coalesce((select json_agg(json_build_object('id', a.id, 'startsAt', a.starts_at, 'endsAt', a.ends_at, 'title', a.title,
          'presenterId', a.presenter_person_id, 'presenterName', pe.full_name) order by a.sort_order)
        from agenda_items a left join people pe on pe.id = a.presenter_person_id
        where a.meeting_id = meetings.id), '[]'::json),
      'venues', coalesce((select json_agg(json_build_object('id', v.id, 'isCentral', v.is_central, 'orgId', v.org_id, 'orgName', o.name,
          'name', v.name, 'room', v.room, 'address', v.address, 'onlineUrl', v.online_url)
          order by v.is_central desc, v.sort_order, v.name)
        from venues v left join orgs o on o.id = v.org_id
        where v.meeting_id = meetings.id), '[]'::json),
      'rules', coalesce((select json_agg(json_build_object('id', r.id, 'rule', r.rule, 'description', r.description,
          'count', (select count(*)::int from invitations i where i.rule_id = r.id)) order by r.created_at)
        from invitation_rules r where r.meeting_id = meetings.id), '[]'::json),
      'attachments', coalesce((select json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'mimeType', f.mime_type,
          'size', f.size, 'createdAt', f.created_at) order by f.created_at)
        from attachments f where f.meeting_id = meetings.id), '[]'::json),
      'subjects', ${subjectsJsonOf(sql`meetings.id`)},
      'invitations', coalesce((select json_agg(json_build_object('id', i.id, 'personId', pe.id, 'fullName', pe.full_name, 'email', pe.email,
          'phone', pe.phone, 'venueId', i.venue_id, 'ruleId', i.rule_id,
          'orgName', (select o.name from memberships ms join orgs o on o.id = ms.org_id
            where ms.person_id = pe.id and (ms.valid_from is null or ms.valid_from <= d.day) and (ms.valid_to is null or ms.valid_to >= d.day)
            order by o.type = 'team' limit 1)) order by pe.full_name)
        from invitations i join people pe on pe.id = i.person_id where i.meeting_id = meetings.id), '[]'::json))
    from (select (meetings.starts_at at time zone 'Asia/Ho_Chi_Minh')::date as day) d)`;

/**
 * A meeting page in one prepared statement: the row, the policy facts for a person on a date (as meetingWithFacts)
 * and everything the page shows (`detailPartsSql`): one round trip instead of two, and of eleven before decision
 * 0019. The parts are read before the policy is checked; a caller who may not read the meeting gets 403 and none
 * of them.
 */
export async function meetingPage(
  db: Executor,
  id: string,
  personId: string,
  date: string,
): Promise<{ meeting: MeetingRow; facts: RawPolicyFacts; parts: DetailParts } | undefined> {
  const rows = await preparedOnce(db, 'lt_meeting_page', () =>
    db
      .select({ ...getTableColumns(meetings), facts: policyFactsSql(), parts: detailPartsSql })
      .from(meetings)
      .where(eq(meetings.id, sql.placeholder('id')))
      .limit(1)
      .prepare('lt_meeting_page'),
  ).execute({ id, personId, date });
  if (!rows[0]) return undefined;
  const { facts, parts, ...meeting } = rows[0];
  return { meeting, facts, parts };
}
