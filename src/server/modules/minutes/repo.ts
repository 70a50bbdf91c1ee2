import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MinutesStatus } from '../../../shared/enums';
import { type Executor, queryRows } from '../../db/client';
import { attachments, meetings, minutes, minutesAddenda, minutesSignatures, minutesVersions, people } from '../../db/schema';
import { unitNameSql } from '../attendance/repo';

/** The minutes of a meeting, if any were saved. */
export async function findByMeeting(db: Executor, meetingId: string) {
  const rows = await db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).limit(1);
  return rows[0];
}

/** The minutes row, locked until the transaction ends: signing and editing serialise on it. */
export async function findByMeetingForUpdate(db: Executor, meetingId: string) {
  const rows = await db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).for('update');
  return rows[0];
}

/**
 * The status of a meeting's minutes (none: no minutes yet), read after locking the meeting row FOR NO KEY UPDATE:
 * start-signing takes the same lock first, so a write that passed this check cannot race with it.
 */
export async function recordStatus(db: Executor, meetingId: string): Promise<MinutesStatus | undefined> {
  await db.execute(sql`select id from meetings where id = ${meetingId} for no key update`);
  const rows = await db.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, meetingId));
  return rows[0]?.status;
}

/** The attachments of a meeting with their SHA-256, frozen with the minutes when signing starts. */
export async function attachmentHashes(db: Executor, meetingId: string) {
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, sha256: attachments.sha256 })
    .from(attachments)
    .where(eq(attachments.meetingId, meetingId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** Creates the (empty) minutes of a meeting unless they exist; two first saves at once make one row. */
export async function ensure(db: Executor, meetingId: string): Promise<void> {
  await db.insert(minutes).values({ meetingId, version: 0 }).onConflictDoNothing({ target: minutes.meetingId });
}

/** Updates the minutes row (the database refuses it once locked). */
export async function update(db: Executor, id: string, set: Partial<typeof minutes.$inferInsert>): Promise<void> {
  await db
    .update(minutes)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(minutes.id, id));
}

/** Keeps a saved version. */
export async function insertVersion(db: Executor, row: typeof minutesVersions.$inferInsert): Promise<void> {
  await db.insert(minutesVersions).values(row);
}

/** Saved versions, newest first. */
export async function versionsOf(db: Executor, minutesId: string) {
  return queryRows<{ version: number; savedAt: string; savedByName: string | null }>(
    db,
    sql`select v.version, v.saved_at as "savedAt", p.full_name as "savedByName"
        from minutes_versions v left join people p on p.id = v.saved_by
        where v.minutes_id = ${minutesId} order by v.version desc`,
  );
}

const holders = alias(people, 'holders');

/** Signatures with the signer's name, in signing order, with how each was proved and who held the venue device. */
export async function signaturesOf(db: Executor, minutesId: string) {
  return db
    .select({
      personId: minutesSignatures.personId,
      fullName: people.fullName,
      role: minutesSignatures.role,
      signedAt: minutesSignatures.signedAt,
      textHash: minutesSignatures.textHash,
      method: sql<'account' | 'pin' | 'password'>`${minutesSignatures.method}`,
      heldByName: holders.fullName,
    })
    .from(minutesSignatures)
    .innerJoin(people, eq(people.id, minutesSignatures.personId))
    .leftJoin(holders, eq(holders.id, minutesSignatures.heldBy))
    .where(eq(minutesSignatures.minutesId, minutesId))
    .orderBy(asc(minutesSignatures.signedAt), asc(people.fullName));
}

/** Stores one signature; false when the person had already signed. */
export async function insertSignature(db: Executor, row: typeof minutesSignatures.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(minutesSignatures)
    .values(row)
    .onConflictDoNothing({ target: [minutesSignatures.minutesId, minutesSignatures.personId] })
    .returning({ id: minutesSignatures.id });
  return rows.length > 0;
}

/** Locks the minutes and marks the meeting's minutes as locked, in the caller's transaction. */
export async function lock(db: Executor, minutesId: string, meetingId: string): Promise<void> {
  await db.update(minutes).set({ status: 'locked', lockedAt: new Date(), updatedAt: new Date() }).where(eq(minutes.id, minutesId));
  await db.update(meetings).set({ status: 'minutes_locked', updatedAt: new Date() }).where(eq(meetings.id, meetingId));
}

/** People who took part: attendees present or late, with their unit. */
export async function attendeeIds(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select person_id as id from attendance where meeting_id = ${meetingId} and status in ('present', 'late')`,
  );
  return rows.map((r) => r.id);
}

/** Names of people by id. */
export async function names(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; fullName: string }>(
    db,
    sql`select id, full_name as "fullName" from people where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** Names of people with their unit (the school of a team member) on a date, by id. */
export async function namesWithUnits(db: Executor, ids: string[], date: string) {
  if (ids.length === 0) return new Map<string, { fullName: string; unitName: string | null }>();
  const rows = await queryRows<{ id: string; fullName: string; unitName: string | null }>(
    db,
    sql`select p.id, p.full_name as "fullName", ${unitNameSql(sql`p.id`, date)} as "unitName" from people p where p.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, { fullName: r.fullName, unitName: r.unitName }]));
}

/** Presenters of a meeting: a teacher with their unit, or a team with its school. */
export async function presentersOf(db: Executor, meetingId: string, date: string) {
  return queryRows<{ name: string; unitName: string | null }>(
    db,
    sql`select coalesce(p.full_name, o.name) as name,
          case when p.id is not null then ${unitNameSql(sql`p.id`, date)}
               else (select po.name from org_links l join orgs po on po.id = l.parent_id
                     where l.org_id = o.id and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) limit 1) end as "unitName"
        from meeting_presenters mp left join people p on p.id = mp.person_id left join orgs o on o.id = mp.org_id
        where mp.meeting_id = ${meetingId} order by mp.sort_order`,
  );
}

/** Subject names of a meeting. */
export async function subjectNames(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select s.name from meeting_subjects ms join subjects s on s.id = ms.subject_id where ms.meeting_id = ${meetingId} order by s.sort_order, s.name`,
  );
  return rows.map((r) => r.name);
}

/** Absentees (excused or absent) with reasons and units. */
export async function absentees(db: Executor, meetingId: string, date: string) {
  return queryRows<{ fullName: string; unitName: string | null; status: 'excused' | 'absent'; reason: string }>(
    db,
    sql`select p.full_name as "fullName", ${unitNameSql(sql`p.id`, date)} as "unitName", a.status, coalesce(a.reason, '') as reason
        from attendance a join people p on p.id = a.person_id
        where a.meeting_id = ${meetingId} and a.status in ('excused', 'absent') order by p.full_name`,
  );
}

/** Addenda of minutes, oldest first, with the author's name. */
export async function addendaOf(db: Executor, minutesId: string) {
  return queryRows<{
    id: string;
    content: string;
    textHash: string;
    createdAt: string;
    createdByName: string | null;
    signatures: Array<{ personId: string; fullName: string; signedAt: string }>;
  }>(
    db,
    sql`select a.id, a.content, a.text_hash as "textHash", a.created_at as "createdAt", p.full_name as "createdByName", a.signatures
        from minutes_addenda a left join people p on p.id = a.created_by where a.minutes_id = ${minutesId} order by a.created_at`,
  );
}

/** Inserts an addendum. */
export async function insertAddendum(db: Executor, row: typeof minutesAddenda.$inferInsert) {
  const [created] = await db.insert(minutesAddenda).values(row).returning();
  return created;
}

/** One addendum, locked until the transaction ends. */
export async function addendumForUpdate(db: Executor, minutesId: string, id: string) {
  const rows = await db
    .select()
    .from(minutesAddenda)
    .where(and(eq(minutesAddenda.id, id), eq(minutesAddenda.minutesId, minutesId)))
    .for('update');
  return rows[0];
}

/** Replaces an addendum's signature list. */
export async function setAddendumSignatures(db: Executor, id: string, signatures: unknown[]): Promise<void> {
  await db.update(minutesAddenda).set({ signatures }).where(eq(minutesAddenda.id, id));
}

/**
 * Meetings that count for a team in a period: its own held meetings, plus school-group meetings with locked
 * minutes, of a network that has the team's school as a member, about a subject of the team.
 */
export async function teamMeetings(db: Executor, teamId: string, schoolId: string | null, from: string, to: string) {
  const inPeriod = sql`(m.starts_at at time zone 'UTC' + interval '7 hours')::date between ${from}::date and ${to}::date`;
  return queryRows<{ id: string; title: string; startsAt: Date; source: 'own' | 'group' }>(
    db,
    sql`
    select m.id, m.title, m.starts_at as "startsAt", 'own' as source from meetings m
    where m.host_org_id = ${teamId} and m.status in ('held', 'minutes_locked') and ${inPeriod}
    union all
    select m.id, m.title, m.starts_at, 'group' from meetings m
    join networks n on n.id = m.network_id and n.kind = 'school_group'
    join minutes mi on mi.meeting_id = m.id and mi.status = 'locked'
    where ${inPeriod} and m.host_org_id <> ${teamId}
      and exists (select 1 from network_members nm where nm.network_id = n.id and nm.org_id = ${schoolId})
      and exists (select 1 from meeting_subjects ms join org_subjects os on os.subject_id = ms.subject_id
                  where ms.meeting_id = m.id and os.org_id = ${teamId})
    order by 3`,
  );
}
