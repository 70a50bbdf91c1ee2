import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { MeetingKind, MeetingMode, MeetingStatus } from '../../../shared/enums';
import type { MeetingsQuery } from '../../../shared/meetings';
import { type Executor, preparedRows, queryRows, queryRowsPrepared } from '../../db/client';
import { readableMeetingSql, type Viewer } from './policy';

/** A schedule line as read from the database. */
export interface MeetingLine {
  id: string;
  title: string;
  kind: MeetingKind;
  mode: MeetingMode;
  status: MeetingStatus;
  startsAt: Date | string;
  endsAt: Date | string;
  grade: number | null;
  hostOrgId: string;
  hostName: string;
  networkId: string | null;
  networkName: string | null;
  readable: boolean;
  roles: string[] | null;
  /** The meeting's subjects in their usual order, read with the line (no second statement). */
  subjects: Array<{ id: string; name: string }>;
}

/** SQL: the subjects of the meeting whose id is `meetingId` as a JSON array of {id, name}, in their usual order. */
export const subjectsJsonOf = (meetingId: SQL) =>
  sql`coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.sort_order, s.name)
    from meeting_subjects ms join subjects s on s.id = ms.subject_id where ms.meeting_id = ${meetingId}), '[]'::json)`;

/** SQL: the column `subjects` of meeting `m` (the alias), as `subjectsJsonOf`. */
export const subjectsJson = sql`${subjectsJsonOf(sql`m.id`)} as subjects`;

const uuids = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** SQL: the recursive CTE `reach`, the orgs whose subtree the viewer reads on `day` (readableMeetingSql refers to it). */
function reachCte(v: Viewer, day: string): SQL {
  const roots = v.rootOrgIds.length ? uuids(v.rootOrgIds) : sql`null::uuid`;
  return sql`with recursive reach(id, depth) as (
        select o.id, 0 from orgs o where o.id in (${roots})
        union all
        select l.org_id, reach.depth + 1 from org_links l join reach on l.parent_id = reach.id
        where l.valid_from <= ${day} and (l.valid_to is null or l.valid_to >= ${day}) and reach.depth < 12
      )`;
}

/** SQL: a meeting of a network's or an org's schedule is listed when readable in full, else as a public line unless a draft. */
const scopedVisible = (readable: SQL) => sql`(${readable} or m.status <> 'draft')`;

/**
 * The schedule's visibility for other readers of a network's or an org's meetings (the exports): of the given
 * meetings, those the list would show with a network or org filter, each with whether the viewer reads it in full
 * (else only its public calendar line). The same predicate as listMeetings, not a copy.
 */
export async function scheduleVisibility(db: Executor, v: Viewer, meetingIds: string[], day: string): Promise<Map<string, boolean>> {
  if (meetingIds.length === 0) return new Map();
  const readable = readableMeetingSql(v);
  const rows = await queryRows<{ id: string; readable: boolean }>(
    db,
    sql`${reachCte(v, day)}
      select m.id, ${readable} as readable from meetings m
      where m.id in (${uuids(meetingIds)}) and ${scopedVisible(readable)}`,
  );
  return new Map(rows.map((r) => [r.id, r.readable]));
}

/**
 * Meetings matching the filters. Without a network or org filter only meetings the viewer reads in full are listed;
 * with one, other meetings of that scope come as public lines (readable = false), drafts excepted.
 */
export async function listMeetings(db: Executor, v: Viewer, q: MeetingsQuery, day: string): Promise<MeetingLine[]> {
  const conds: SQL[] = [];
  if (q.from) conds.push(sql`m.starts_at >= (${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (q.to) conds.push(sql`m.starts_at < ((${q.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  if (q.networkId) conds.push(sql`m.network_id = ${q.networkId}`);
  if (q.orgId)
    conds.push(sql`m.host_org_id in (
      with recursive down(id, depth) as (
        select ${q.orgId}::uuid, 0
        union all
        select l.org_id, down.depth + 1 from org_links l join down on l.parent_id = down.id
        where l.valid_from <= ${day} and (l.valid_to is null or l.valid_to >= ${day}) and down.depth < 12
      ) select id from down)`);
  if (q.subjectId) conds.push(sql`exists (select 1 from meeting_subjects s where s.meeting_id = m.id and s.subject_id = ${q.subjectId})`);
  if (q.kind) conds.push(sql`m.kind = ${q.kind}`);
  if (q.status) conds.push(sql`m.status = ${q.status}`);
  const readable = readableMeetingSql(v);
  if (q.networkId || q.orgId) conds.push(scopedVisible(readable));
  else conds.push(readable);
  const where = sql.join(conds, sql` and `);
  return queryRowsPrepared<MeetingLine>(
    db,
    sql`${reachCte(v, day)}
      select m.id, m.title, m.kind, m.mode, m.status, m.starts_at as "startsAt", m.ends_at as "endsAt", m.grade,
        m.host_org_id as "hostOrgId", h.name as "hostName", m.network_id as "networkId", n.name as "networkName",
        ${readable} as readable, null as roles, ${subjectsJson}
      from meetings m join orgs h on h.id = m.host_org_id left join networks n on n.id = m.network_id
      where ${where}
      order by m.starts_at, m.title
      limit 1000`,
  );
}

/**
 * SQL: CTEs `mine` and `r` — the person's meetings (`r.id`) with whether they are invited or present there, gathered
 * from the person's own rows (each looked up by an index on the person).
 */
function myCandidates(personId: string | Placeholder): SQL {
  return sql`mine(id, role) as (
        select meeting_id, 'invited' from invitations where person_id = ${personId}
        union all select id, 'chair' from meetings where chair_person_id = ${personId}
        union all select id, 'secretary' from meetings where secretary_person_id = ${personId}
        union all select meeting_id, 'presenter' from meeting_presenters where person_id = ${personId}
      ),
      r as (
        select id, bool_or(role = 'invited') as invited, bool_or(role = 'presenter') as presents from mine group by id
      )`;
}

/** SQL: drafts are listed only to their chair and secretary. */
const myVisible = (personId: string | Placeholder) =>
  sql`(m.status <> 'draft' or m.chair_person_id = ${personId} or m.secretary_person_id = ${personId})`;

/** SQL: the columns of a "my meetings" line from meeting `m`, host `h`, network `n`; `flags` holds invited/presents. */
function myLineColumns(personId: string | Placeholder, flags: SQL): SQL {
  return sql`m.id, m.title, m.kind, m.mode, m.status, m.starts_at as "startsAt", m.ends_at as "endsAt", m.grade,
        m.host_org_id as "hostOrgId", h.name as "hostName", m.network_id as "networkId", n.name as "networkName",
        true as readable,
        array_remove(array[
          -- the chair, secretary and presenters are invited too (issue 15); their own role says more
          case when ${flags}.invited and m.chair_person_id is distinct from ${personId}
            and m.secretary_person_id is distinct from ${personId} and not coalesce(${flags}.presents, false) then 'invited' end,
          case when m.chair_person_id = ${personId} then 'chair' end,
          case when m.secretary_person_id = ${personId} then 'secretary' end,
          case when ${flags}.presents then 'presenter' end
        ], null) as roles, ${subjectsJson}`;
}

/**
 * Meetings where the person is invited, chairs, writes the minutes or presents; drafts only to chair and secretary.
 * The candidates come from the person's own rows (each looked up by an index on the person), so the cost follows
 * the person's meetings, not the size of the meetings table.
 */
export async function myMeetings(db: Executor, personId: string, q: Pick<MeetingsQuery, 'from' | 'to'>): Promise<MeetingLine[]> {
  const conds: SQL[] = [];
  if (q.from) conds.push(sql`m.starts_at >= (${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (q.to) conds.push(sql`m.starts_at < ((${q.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  const extra = conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``;
  return queryRowsPrepared<MeetingLine>(
    db,
    sql`with ${myCandidates(personId)}
      select ${myLineColumns(personId, sql`r`)}
      from r join meetings m on m.id = r.id join orgs h on h.id = m.host_org_id left join networks n on n.id = m.network_id
      where ${myVisible(personId)}${extra}
      order by m.starts_at, m.title
      limit 500`,
  );
}

/** What a page of "my meetings" asks: upcoming or past as of `day`, `limit` lines after the cursor. */
export interface MinePageAsk {
  period: 'upcoming' | 'past';
  day: string;
  after: { startsAt: string; id: string } | null;
  limit: number;
}

/**
 * One page of "my meetings" (same lines as {@link myMeetings}): upcoming meetings (ending on `day` or later) soonest
 * first, or past ones (ended before `day`) latest first, ordered by start then id so the cursor (the last line's start
 * and id) cuts between two lines exactly. Reads `limit + 1` lines to tell whether another page follows; names and
 * subjects are read for those lines only, not for every meeting of the person.
 */
export async function myMeetingsPage(db: Executor, personId: string, ask: MinePageAsk): Promise<{ lines: MeetingLine[]; more: boolean }> {
  const upcoming = ask.period === 'upcoming';
  // Four shapes (upcoming or past, first page or after a cursor), each built once (client.ts preparedRows).
  const name = `lt_mine_${ask.period}${ask.after ? '_after' : ''}`;
  const rows = await preparedRows<MeetingLine>(db, name, () => {
    const person = sql.placeholder('personId');
    const dayStart = sql`(${sql.placeholder('day')}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`;
    const conds: SQL[] = [upcoming ? sql`m.ends_at >= ${dayStart}` : sql`m.ends_at < ${dayStart}`];
    if (ask.after) {
      const key = sql`(${sql.placeholder('afterStartsAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`;
      conds.push(upcoming ? sql`(m.starts_at, m.id) > ${key}` : sql`(m.starts_at, m.id) < ${key}`);
    }
    const order = upcoming ? sql`m.starts_at, m.id` : sql`m.starts_at desc, m.id desc`;
    return sql`with ${myCandidates(person)},
      page as (
        select m.*, r.invited, r.presents
        from r join meetings m on m.id = r.id
        where ${myVisible(person)}
          and ${sql.join(conds, sql` and `)}
        order by ${order}
        limit ${sql.placeholder('limit')}
      )
      select ${myLineColumns(person, sql`m`)}
      from page m join orgs h on h.id = m.host_org_id left join networks n on n.id = m.network_id
      order by ${order}`;
  }).execute({ personId, day: ask.day, limit: ask.limit + 1, afterStartsAt: ask.after?.startsAt, afterId: ask.after?.id });
  return { lines: rows.slice(0, ask.limit), more: rows.length > ask.limit };
}

/** Non-draft meetings of a person (for the iCal feed). */
export async function feedOfPerson(db: Executor, personId: string) {
  return (await myMeetings(db, personId, {})).filter((m) => m.status !== 'draft').map((m) => m.id);
}

/** Non-draft meetings of a network (for the iCal feed). */
export async function feedOfNetwork(db: Executor, networkId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from meetings where network_id = ${networkId} and status <> 'draft' order by starts_at limit 1000`,
  );
  return rows.map((r) => r.id);
}
