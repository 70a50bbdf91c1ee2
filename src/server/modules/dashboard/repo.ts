import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';

/**
 * The compliance queries. Each runs once for the whole scope (no query per network or team). The scope is a set of
 * root orgs and everything under them on a date (`scope` CTE); a network leader's roots are the network's members.
 */

/** Who the dashboard is about: an office subtree, some networks, or (admin) everything. */
export type Scope = { kind: 'orgs'; rootIds: string[] } | { kind: 'networks'; networkIds: string[] } | { kind: 'all' };

/**
 * Meeting `m` starts on a Vietnam day (UTC+7, no daylight saving) between two dates, written on `starts_at` itself
 * so PostgreSQL can read meetings_host_idx, meetings_network_idx or meetings_starts_idx by range; a test on the
 * day expression hid the column and read every meeting of the country. Participation no longer joins invitations
 * and attendance (it reads meeting_participation), so the true row estimates this gives cost nothing there.
 */
function localDays(from: string, to: string): SQL {
  return sql`m.starts_at >= (${from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
    and m.starts_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
}
const HELD = sql`m.status in ('held', 'minutes_locked')`;

/** A list of uuids for `in (…)`; never empty (a null that matches nothing). */
function ids(list: string[]): SQL {
  if (list.length === 0) return sql`null::uuid`;
  return sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** `with recursive scope(id, depth) as (…)`: the scope's orgs on a date. */
function scopeCte(scope: Scope, date: string): SQL {
  const roots =
    scope.kind === 'orgs'
      ? sql`select o.id, 0 from orgs o where o.id in (${ids(scope.rootIds)})`
      : scope.kind === 'networks'
        ? sql`select nm.org_id, 0 from network_members nm where nm.network_id in (${ids(scope.networkIds)})`
        : sql`select o.id, 0 from orgs o`;
  return sql`with recursive scope(id, depth) as (
    ${roots}
    union
    select l.org_id, scope.depth + 1 from org_links l join scope on l.parent_id = scope.id
    where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and scope.depth < 12
  )`;
}

export interface NetworkRow {
  id: string;
  name: string;
  kind: string;
  supervisingOrgId: string;
  supervisingOrgName: string;
  leadOrgName: string | null;
  held: number;
  scheduled: number;
  lastHeldAt: Date | null;
}

/** The networks of the scope in a school year, with their held and still-scheduled meetings between two dates. */
export async function networksWithCounts(db: Executor, scope: Scope, yearId: string, date: string, from: string, to: string) {
  const which =
    scope.kind === 'networks'
      ? sql`(n.id in (${ids(scope.networkIds)}) or n.parent_network_id in (${ids(scope.networkIds)}))`
      : sql`(n.supervising_org_id in (select id from scope)
            or exists (select 1 from network_members nm where nm.network_id = n.id and nm.org_id in (select id from scope)))`;
  return queryRows<NetworkRow>(
    db,
    sql`${scopeCte(scope, date)}
    select n.id, n.name, n.kind::text as kind, n.supervising_org_id as "supervisingOrgId", so.name as "supervisingOrgName",
      lo.name as "leadOrgName",
      coalesce(c.held, 0)::int as held, coalesce(c.scheduled, 0)::int as scheduled, c.last_held as "lastHeldAt"
    from networks n
    join orgs so on so.id = n.supervising_org_id
    left join orgs lo on lo.id = n.lead_org_id
    left join lateral (
      -- Per network through meetings_network_idx: counting every network's meetings of the term first and joining
      -- after read the whole country's meetings for one office (2.6 s at national size).
      select count(*) filter (where ${HELD}) as held,
        count(*) filter (where m.status = 'scheduled') as scheduled,
        max(m.starts_at) filter (where ${HELD}) as last_held
      from meetings m where m.network_id = n.id and ${localDays(from, to)}
    ) c on true
    where n.school_year_id = ${yearId} and ${which}
    order by n.kind, n.name`,
  );
}

/** The plans of some networks in a school year. */
export async function plansOf(db: Executor, networkIds: string[], yearId: string) {
  return queryRows<{ id: string; networkId: string; termNumber: number | null; status: string; submittedAt: Date | null }>(
    db,
    sql`select p.id, p.network_id as "networkId", p.term_number as "termNumber", p.status::text as status,
      p.submitted_at as "submittedAt"
    from plans p where p.network_id in (${ids(networkIds)}) and p.school_year_id = ${yearId}
    order by p.updated_at desc`,
  );
}

/** The reports of some networks in a school year (table `reports` of the reports feature). */
export async function reportsOf(db: Executor, networkIds: string[], yearId: string) {
  return queryRows<{ id: string; networkId: string; termNumber: number | null; status: string; submittedAt: Date | null }>(
    db,
    sql`select r.id, r.network_id as "networkId", r.term_number as "termNumber", r.status, r.submitted_at as "submittedAt"
    from reports r where r.network_id in (${ids(networkIds)}) and r.school_year_id = ${yearId}`,
  );
}

export interface TeamRow {
  id: string;
  name: string;
  schoolId: string;
  schoolName: string;
}

/** The teams of the scope on a date, with their school. */
export async function teamsOf(db: Executor, scope: Scope, date: string) {
  return queryRows<TeamRow>(
    db,
    sql`${scopeCte(scope, date)}
    select distinct t.id, t.name, s.id as "schoolId", s.name as "schoolName"
    from scope join orgs t on t.id = scope.id and t.type = 'team'
    join org_links l on l.org_id = t.id and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date})
    join orgs s on s.id = l.parent_id
    order by 4, 2`,
  );
}

/**
 * How many meetings count as each team's own between two dates, and when the last one began (minutes/count.ts,
 * for many teams at once): the team's held meetings, and the school group meetings with locked minutes about one
 * of its subjects where its school is a member. Teams with none are left out.
 *
 * Counted in the database: a province has ~4,000 teams and ~60,000 (team, meeting) pairs a term, which the app
 * only needs as counts. The group meetings are matched to teams on (network, subject): each side is listed once
 * (the teams' subjects, the term's group meetings' subjects) and joined by hash, instead of testing each subject
 * of each (team, group meeting) pair (0.4 s at province size, 634,000 buffer reads).
 * The team's own meetings are read through meetings_host_idx by range, one lateral read per team (offset 0 keeps
 * it per team): with the date expression and `in (…)` the whole country's meetings were read.
 */
export async function teamMeetingCounts(db: Executor, teamIds: string[], date: string, from: string, to: string) {
  const inPeriod = localDays(from, to);
  return queryRows<{ teamId: string; count: number; lastAt: Date }>(
    db,
    sql`
    with team_groups as (
      select t.id as team_id, nm.network_id from orgs t
      join org_links l on l.org_id = t.id and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date})
      join network_members nm on nm.org_id = l.parent_id
      join networks n on n.id = nm.network_id and n.kind = 'school_group'
      where t.id in (${ids(teamIds)})
    ),
    team_subjects as (
      select tg.team_id, tg.network_id, os.subject_id from team_groups tg join org_subjects os on os.org_id = tg.team_id
    ),
    group_meetings as (
      select m.id, m.starts_at, m.network_id, m.host_org_id, ms.subject_id from meetings m
      join minutes mi on mi.meeting_id = m.id and mi.status = 'locked'
      join meeting_subjects ms on ms.meeting_id = m.id
      where m.network_id in (select network_id from team_groups) and ${inPeriod}
    ),
    pairs as (
      select t.id as team_id, m.id as meeting_id, m.starts_at from unnest(array[${ids(teamIds)}]) as t(id)
      cross join lateral (select m.id, m.starts_at from meetings m
        where m.host_org_id = t.id and ${HELD} and ${inPeriod} offset 0) m
      union
      select ts.team_id, gm.id, gm.starts_at from team_subjects ts
      join group_meetings gm on gm.network_id = ts.network_id and gm.subject_id = ts.subject_id and gm.host_org_id <> ts.team_id
    )
    select team_id as "teamId", count(*)::int as count, max(starts_at) as "lastAt" from pairs group by team_id`,
  );
}

/**
 * Ids of the scope's scheduled meetings between two dates: those hosted by an org of the scope, through
 * meetings_host_idx for each org, and those of its networks; a test on the whole meetings table with an `or` read
 * every meeting of the next 30 days in the country (3.4 s at national size).
 */
function upcomingIds(scope: Scope, networkIds: string[], from: string, to: string): SQL {
  const byNetwork = sql`select m.id from meetings m
    where m.network_id in (${ids(networkIds)}) and m.status = 'scheduled' and ${localDays(from, to)}`;
  if (scope.kind === 'networks') return byNetwork;
  return sql`select m.id from (select distinct id from scope) s
    join meetings m on m.host_org_id = s.id and m.status = 'scheduled' and ${localDays(from, to)}
    union all ${byNetwork}`;
}

/** Scheduled meetings of the scope between two dates (the next 30 days), soonest first, at most 200. */
export async function upcoming(db: Executor, scope: Scope, networkIds: string[], date: string, from: string, to: string) {
  return queryRows<{
    id: string;
    title: string;
    kind: string;
    mode: string;
    startsAt: Date;
    hostOrgName: string;
    networkId: string | null;
    networkName: string | null;
  }>(
    db,
    sql`${scopeCte(scope, date)}
    select m.id, m.title, m.kind::text as kind, m.mode::text as mode, m.starts_at as "startsAt", h.name as "hostOrgName",
      m.network_id as "networkId", n.name as "networkName"
    from meetings m join orgs h on h.id = m.host_org_id left join networks n on n.id = m.network_id
    where m.id in (${upcomingIds(scope, networkIds, from, to)})
    order by m.starts_at limit 200`,
  );
}

/**
 * Invited (by name or rule, or with an attendance record) and present (present or late) people of the scope's held
 * meetings between two dates, per subject of the meeting and per person's school (their membership on the meeting's
 * day; a team counts as its school). Read from meeting_participation alone, the totals the database keeps per
 * meeting and school with the meeting's day, host, network and subjects (migration 0015): a few rows per meeting
 * through its partial indexes, instead of every invitation and attendance record of the term (19–24 s for a
 * province at national size when recounted live). The total is the sum of the schools' rows, since each
 * (meeting, person) is placed at exactly one school or none.
 */
export async function participation(db: Executor, scope: Scope, networkIds: string[], date: string, from: string, to: string) {
  const inTerm = sql`mp.held and mp.day between ${from}::date and ${to}::date`;
  const cols = sql`mp.school_id, mp.invited, mp.present, mp.subject_ids`;
  // rows of meetings hosted in the scope, and of meetings of its networks hosted elsewhere
  const rows =
    scope.kind === 'networks'
      ? sql`with rows as (select ${cols} from meeting_participation mp where mp.network_id in (${ids(networkIds)}) and ${inTerm})`
      : sql`${scopeCte(scope, date)},
        hosts as (select distinct id from scope),
        rows as (
          select ${cols} from hosts join meeting_participation mp on mp.host_org_id = hosts.id and ${inTerm}
          union all
          select ${cols} from meeting_participation mp
          where mp.network_id in (${ids(networkIds)}) and ${inTerm} and mp.host_org_id not in (select id from hosts))`;
  // both groupings from one read of the rows: by subject (a meeting of two subjects counts in each) and by school
  const found = await queryRows<{ k: 'subject' | 'org'; id: string | null; name: string | null; invited: number; present: number }>(
    db,
    sql`${rows}
    select * from (
      select 'subject' as k, s.id, s.name, sum(r.invited)::int as invited, sum(r.present)::int as present
      from rows r cross join lateral unnest(r.subject_ids) as u(subject_id) join subjects s on s.id = u.subject_id
      group by s.id, s.name
      union all
      select 'org', o.id, o.name, sum(r.invited)::int, sum(r.present)::int
      from rows r left join orgs o on o.id = r.school_id
      group by o.id, o.name
    ) g order by g.k, g.name nulls last`,
  );
  const bySubject = found
    .filter((r) => r.k === 'subject')
    .map(({ k, ...r }) => r as { id: string; name: string; invited: number; present: number });
  const byOrg = found.filter((r) => r.k === 'org').map(({ k, ...r }) => r);
  const total = byOrg.reduce((t, r) => ({ invited: t.invited + r.invited, present: t.present + r.present }), { invited: 0, present: 0 });
  return { bySubject, byOrg, total };
}

/** The school year holding a date, else the last one that started before it; with its terms. */
export async function yearAt(db: Executor, date: string) {
  const [year] = await queryRows<{ id: string; code: string; startDate: string; endDate: string }>(
    db,
    sql`select id, code, start_date::text as "startDate", end_date::text as "endDate" from school_years
    where start_date <= ${date}::date order by (end_date >= ${date}::date) desc, start_date desc limit 1`,
  );
  if (!year) return null;
  const terms = await queryRows<{ number: number; startDate: string; endDate: string }>(
    db,
    sql`select number, start_date::text as "startDate", end_date::text as "endDate" from terms
    where school_year_id = ${year.id} order by number`,
  );
  return { ...year, terms };
}

/** A school year by id, with its terms. */
export async function yearById(db: Executor, id: string) {
  const [year] = await queryRows<{ startDate: string }>(db, sql`select start_date::text as "startDate" from school_years where id = ${id}`);
  return year ? yearAt(db, year.startDate) : null;
}

/** Networks of a school year that a person leads (leader or deputy) or whose lead org is one of `leadOrgIds`. */
export async function ledNetworks(db: Executor, personId: string, leadOrgIds: string[], yearId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select n.id, n.name from networks n
    where n.school_year_id = ${yearId}
      and (exists (select 1 from network_leaders nl where nl.network_id = n.id and nl.person_id = ${personId})
           or n.lead_org_id in (${ids(leadOrgIds)}))
    order by n.name`,
  );
}

/** One network's year, supervising org, lead org and members (for the policy). */
export async function networkFacts(db: Executor, networkId: string) {
  const [n] = await queryRows<{ id: string; name: string; schoolYearId: string; supervisingOrgId: string; leadOrgId: string | null }>(
    db,
    sql`select id, name, school_year_id as "schoolYearId", supervising_org_id as "supervisingOrgId", lead_org_id as "leadOrgId"
    from networks where id = ${networkId}`,
  );
  if (!n) return null;
  const leaders = await queryRows<{ personId: string }>(
    db,
    sql`select person_id as "personId" from network_leaders where network_id = ${networkId}`,
  );
  return { ...n, leaderIds: leaders.map((l) => l.personId) };
}

/** Names of some orgs. */
export async function orgNames(db: Executor, orgIds: string[]) {
  return queryRows<{ id: string; name: string }>(db, sql`select id, name from orgs where id in (${ids(orgIds)})`);
}
