import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';
import { todayIso } from '../../src/server/lib/dates';

/** Whom and what the read benchmark asks for: several users and ids per route, so no route reads one cached row. */
export interface Samples {
  schoolYearId: string;
  termNumber: 1 | 2;
  month: { from: string; to: string };
  /** The day the reads look from: today, or the same day of an earlier year when the data is an older school year. */
  day: string;
  /** Set when `day` is not today (routes that default to today are told the day). */
  dayParam?: string;
  /** Teachers with many invitations (my meetings), each with meetings they may open (meeting page). */
  teachers: Array<{ email: string; meetingIds: string[] }>;
  /** Cluster leaders with their network (calendar, term report). */
  leaders: Array<{ email: string; networkId: string }>;
  /** Office specialists (dashboard of their subtree). */
  specialists: string[];
  /** Accounts that check in and sign (write fixtures), and a school to host the fixture meetings. */
  pool: Array<{ email: string; personId: string }>;
  hostOrgId: string;
  /** Someone outside the pool to chair the fixture meetings (the chair signs last, so never in the write run). */
  chairPersonId: string;
}

/** Hints from the data generator's manifest (bench/generate): preferred first when present. */
export interface Hints {
  teacherEmail?: string;
  leaderEmail?: string;
  networkId?: string;
  meetingId?: string;
  specialistEmail?: string;
  schoolId?: string;
  schoolYearId?: string;
}

const live = (alias: string, day: string) =>
  sql.raw(
    `(${alias}.valid_from is null or ${alias}.valid_from <= '${day}') and (${alias}.valid_to is null or ${alias}.valid_to >= '${day}')`,
  );

/** Finds the samples in the database itself (bounded queries: they also run on the national-size data). */
export async function findSamples(db: Executor, hints: Hints, poolSize: number): Promise<Samples> {
  const today = todayIso();
  const [year] = await queryRows<{ id: string; start: string; end: string }>(
    db,
    hints.schoolYearId
      ? sql`select id, start_date::text as start, end_date::text as "end" from school_years where id = ${hints.schoolYearId}`
      : sql`select id, start_date::text as start, end_date::text as "end" from school_years where start_date <= ${today}
          and exists (select 1 from meetings m where m.school_year_id = school_years.id) order by start_date desc limit 1`,
  );
  if (!year) throw new Error('no school year with meetings');
  let day = today;
  while (day > year.end) day = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  if (day < year.start) day = year.start;
  const [term] = await queryRows<{ number: number }>(
    db,
    sql`select number from terms where school_year_id = ${year.id} and start_date <= ${day} order by number desc limit 1`,
  );
  const termNumber = (term?.number ?? 1) as 1 | 2;
  const month = { from: `${day.slice(0, 7)}-01`, to: lastDayOfMonth(day) };

  // Teachers invited to many of the year's recent meetings, and meetings of theirs to open.
  const invited = await queryRows<{ email: string; meeting_ids: string[] }>(
    db,
    sql`with recent as (select id from meetings where school_year_id = ${year.id} and status <> 'draft' order by starts_at desc limit 3000)
      select a.email, (array_agg(i.meeting_id order by i.meeting_id))[1:3] as meeting_ids
      from invitations i join recent r on r.id = i.meeting_id join accounts a on a.person_id = i.person_id
      where a.disabled_at is null and not a.is_admin
      group by a.email order by count(*) desc, a.email limit 8`,
  );
  const teachers = invited.map((t) => ({ email: t.email, meetingIds: t.meeting_ids }));
  if (hints.teacherEmail) {
    const own = teachers.find((t) => t.email === hints.teacherEmail);
    if (!own)
      teachers.unshift({ email: hints.teacherEmail, meetingIds: hints.meetingId ? [hints.meetingId] : (teachers[0]?.meetingIds ?? []) });
    else if (hints.meetingId && !own.meetingIds.includes(hints.meetingId)) own.meetingIds.unshift(hints.meetingId);
  }

  const leaders = await queryRows<{ email: string; networkId: string }>(
    db,
    sql`select a.email, n.id as "networkId" from networks n join network_leaders l on l.network_id = n.id
      join accounts a on a.person_id = l.person_id
      where n.kind = 'cluster' and n.school_year_id = ${year.id} and l.role = 'leader' and a.disabled_at is null
      order by n.name limit 6`,
  );
  if (hints.leaderEmail && hints.networkId && !leaders.some((l) => l.networkId === hints.networkId)) {
    leaders.unshift({ email: hints.leaderEmail, networkId: hints.networkId });
  }

  // The province office's specialists: the widest dashboard scope, the one the issue asks about.
  const specialists = (
    await queryRows<{ email: string }>(
      db,
      sql`select a.email from memberships ms join orgs o on o.id = ms.org_id join accounts a on a.person_id = ms.person_id
        where ms.position = 'specialist' and o.type = 'province_department' and ${live('ms', day)} and a.disabled_at is null
        order by a.email limit 4`,
    )
  ).map((r) => r.email);
  if (hints.specialistEmail && !specialists.includes(hints.specialistEmail)) specialists.unshift(hints.specialistEmail);

  // The pool: teachers (members of a school's subject teams) with accounts, the hinted school's first; the fixture
  // meetings are hosted by the first one's school and chaired by someone there who is not in the pool.
  const rows = await queryRows<{ email: string; personId: string; schoolId: string }>(
    db,
    sql`select a.email, a.person_id as "personId", l.parent_id as "schoolId"
      from memberships ms join accounts a on a.person_id = ms.person_id
      join org_links l on l.org_id = ms.org_id and ${live('l', day)}
      where ms.position = 'teacher' and ${live('ms', day)} and a.disabled_at is null and not a.is_admin
      order by ${hints.schoolId ? sql`(l.parent_id = ${hints.schoolId}) desc,` : sql``} l.parent_id, a.email limit ${poolSize}`,
  );
  const pool = [...new Map(rows.map((r) => [r.personId, r])).values()];
  if (pool.length < 2) throw new Error('no teacher accounts for the write pool');
  const hostOrgId = pool[0].schoolId;
  const [found] = await queryRows<{ id: string }>(
    db,
    sql`select ms.person_id as id from memberships ms where ms.org_id = ${hostOrgId} and ms.position in ('principal', 'vice_principal')
      and ${live('ms', day)} limit 1`,
  );
  // Without a manager at the school, the last teacher chairs and leaves the pool.
  const chair = found?.id ?? (pool.pop() as { personId: string }).personId;
  return {
    schoolYearId: year.id,
    termNumber,
    month,
    day,
    dayParam: day === today ? undefined : day,
    teachers,
    leaders,
    specialists,
    pool: pool.map((p) => ({ email: p.email, personId: p.personId })),
    hostOrgId,
    chairPersonId: chair,
  };
}

function lastDayOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${day.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}
