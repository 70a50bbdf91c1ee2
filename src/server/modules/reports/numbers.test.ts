import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAttendance, buildMeeting, buildPlan, buildPlanItem } from '../../../../tests/factories';
import { buildKnownTerm } from '../../../../tests/helpers/reportWorld';
import { createTestDatabase } from '../../../../tests/helpers/testApp';
import type { AttendanceStatus, MeetingStatus } from '../../../shared/enums';
import type { Database, Db } from '../../db/client';
import { memberships, networks, orgLinks, orgs, personSubjects, planItems, subjects } from '../../db/schema';
import { createRng } from '../../seed/demo/random';
import { computeResultsMany, type Owner } from './compute';
import { computeNumbersMany, numbersOf, type UnitNumbers } from './numbers';
import * as repo from './repo';
import { buildRollup, liveResults } from './rollup';

/**
 * The roll-up's numbers are counted in SQL (computeNumbersMany) while a report's full results are dealt out in JS
 * (computeResultsMany): both must give the same numbers. The world is the known term of reportWorld on the Củ Chi
 * demo data, plus 80 random meetings (seeded) that hit the edge cases: no subject or two, held, locked, cancelled
 * (with or without a cancelled plan item), scheduled; in a network or a school's or team's own; term 1, no term
 * number inside and outside the term's dates, term 2; people present in one meeting and absent in another, of the
 * same owner or not, some teaching two subjects or none (a teacher at one subject's meeting and absent from another's
 * counts among those who did not take part, decision 0010 2026-12-07); cancelled items of network plans and of school plans.
 */

let database: Database;
let drop: () => Promise<void>;
let db: Db;
let w: Awaited<ReturnType<typeof buildKnownTerm>>;

async function randomMeetings() {
  const rng = createRng(6006);
  const { year, so } = w;
  const y1 = Number(year.code.slice(0, 4));
  const communes = (await db.select({ id: orgLinks.orgId }).from(orgLinks).where(eq(orgLinks.parentId, so.id))).map((r) => r.id);
  const schools = (await db.select({ id: orgLinks.orgId }).from(orgLinks).where(inArray(orgLinks.parentId, communes))).map((r) => r.id);
  const teams = (
    await db
      .select({ id: orgs.id })
      .from(orgLinks)
      .innerJoin(orgs, eq(orgs.id, orgLinks.orgId))
      .where(and(inArray(orgLinks.parentId, schools), eq(orgs.type, 'team')))
  ).map((r) => r.id);
  const nets = (await db.select({ id: networks.id }).from(networks).where(eq(networks.schoolYearId, year.id))).map((r) => r.id);
  const people = [
    ...new Set((await db.select({ id: memberships.personId }).from(memberships).where(inArray(memberships.orgId, teams))).map((r) => r.id)),
  ].slice(0, 40);
  const subjectIds = (await db.select({ id: subjects.id }).from(subjects)).map((r) => r.id);
  expect(schools.length).toBeGreaterThan(10);
  expect(nets.length).toBeGreaterThan(5);
  expect(people.length).toBe(40);
  // the demo's teachers teach one subject: give every third a second one and leave every tenth without any, so a person
  // can take part in one subject and miss another's meetings of the same owner, and the "else the meeting's" rule applies
  for (const [i, personId] of people.entries()) {
    if (i % 10 === 1) await db.delete(personSubjects).where(eq(personSubjects.personId, personId));
    else if (i % 3 === 0)
      await db
        .insert(personSubjects)
        .values({ personId, subjectId: rng.pick(subjectIds) })
        .onConflictDoNothing();
  }

  const items: string[] = [];
  for (const [i, owner] of [{ networkId: nets[0] }, { networkId: nets[3] }, { orgId: schools[0] }, { orgId: schools[5] }].entries()) {
    const plan = await buildPlan(db, {
      schoolYearId: year.id,
      reviewerOrgId: so.id,
      ...owner,
      termNumber: i % 2 ? null : 1,
      status: 'approved',
    });
    for (let k = 0; k < 3; k++) {
      const item = await buildPlanItem(db, { planId: plan.id, content: `Nội dung ${i}.${k}`, proposedDate: `${y1}-${10 + k}-0${k + 2}` });
      if (k < 2) {
        await db
          .update(planItems)
          .set({ status: 'cancelled', statusReason: `Lý do ${i}.${k}` })
          .where(eq(planItems.id, item.id));
        items.push(item.id);
      } else items.push(item.id);
    }
  }
  const statuses: MeetingStatus[] = ['held', 'held', 'held', 'minutes_locked', 'cancelled', 'scheduled'];
  const marks: AttendanceStatus[] = ['present', 'present', 'late', 'excused', 'absent'];
  for (let i = 0; i < 80; i++) {
    const inNetwork = rng.next() < 0.5;
    const host = rng.next() < 0.3 ? rng.pick(teams) : rng.pick(schools);
    const term = rng.pick([1, 1, null, null, 2] as const);
    const month = term === 2 ? '03' : rng.pick(['10', '11', '12', '02']);
    const status = rng.pick(statuses);
    const m = await buildMeeting(db, {
      hostOrgId: host,
      schoolYearId: year.id,
      networkId: inNetwork ? rng.pick(nets) : null,
      termNumber: term,
      title: `Buổi ngẫu nhiên ${i}`,
      status,
      startsAt: new Date(`${month === '02' || month === '03' ? y1 + 1 : y1}-${month}-1${rng.int(0, 9)}T07:30:00+07:00`),
      subjectIds: [...new Set(Array.from({ length: rng.int(0, 2) }, () => rng.pick(subjectIds)))],
      planItemId: status === 'cancelled' && rng.next() < 0.6 ? rng.pick(items) : null,
    });
    const invited = new Set(Array.from({ length: rng.int(0, 8) }, () => rng.pick(people)));
    for (const personId of invited) {
      const mark = rng.pick(marks);
      await buildAttendance(db, {
        meetingId: m.id,
        personId,
        status: mark,
        reason: mark === 'excused' || mark === 'absent' ? rng.pick(['Ốm', 'Đi tập huấn', 'Trùng lịch dạy']) : null,
      });
    }
  }
}

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase({ demo: 'plain' }));
  db = database.db;
  w = await buildKnownTerm(db, '2025-2026');
  await randomMeetings();
}, 300_000);

afterAll(async () => {
  await drop?.();
});

const sorted = (n: UnitNumbers) => ({ ...n, lessonsBySubject: [...n.lessonsBySubject].sort((a, b) => a.subject.localeCompare(b.subject)) });

async function periodOf(termNumber: 1 | null) {
  const found = await repo.periodOf(db, w.year.id, termNumber);
  if (!found) throw new Error('no period');
  return found.period;
}

describe('computeNumbersMany counts what computeResultsMany counts', () => {
  it.each([
    ['term I', 1],
    ['the whole year', null],
  ] as const)('for every network, school, team and commune of the Sở, and overlapping owners (%s)', async (_label, termNumber) => {
    const p = await periodOf(termNumber);
    const nets = await repo.supervisedNetworksMany(db, [w.so.id], w.year.id);
    const children = await repo.childrenOnMany(db, [w.so.id], p.to);
    const schools = await repo.childrenOnMany(
      db,
      children.map((c) => c.id),
      p.to,
    );
    const subtrees = await repo.subtreesOf(
      db,
      [...children, ...schools].map((c) => c.id),
      p.to,
    );
    const owners: Owner[] = [
      ...nets.map((n) => ({ networkId: n.id })),
      ...[...subtrees.values()].map((ids) => ({ orgIds: ids })),
      { orgIds: [w.tanThanhDong] },
      { orgIds: [...(subtrees.get(children[0].id) ?? []), ...(subtrees.get(children[1].id) ?? [])] },
      { orgIds: [w.tanThanhDong, w.tanThanhDong] },
      { networkId: nets[0].id },
    ];
    const full = await computeResultsMany(db, owners, p);
    const numbers = await computeNumbersMany(db, owners, p);
    expect(numbers.map(sorted)).toEqual(full.map((r) => sorted(numbersOf(r))));
    // the world is not trivial: most owners met, some had absentees who took part nowhere, some cancelled
    expect(full.filter((r) => r.meetingsHeld > 0).length).toBeGreaterThan(20);
    expect(full.filter((r) => r.nonParticipants > 0).length).toBeGreaterThan(3);
    expect(full.filter((r) => r.notCarriedOut.length > 0).length).toBeGreaterThan(3);
    expect(full.some((r) => r.lessonsBySubject.some((l) => l.subject === 'Liên môn'))).toBe(true);
  });

  it('of no owners is empty', async () => {
    expect(await computeNumbersMany(db, [], await periodOf(1))).toEqual([]);
  });
});

describe('the roll-up rows equal the full live results of each unit', () => {
  it.each([
    ['the Sở', 'SGDDT-HCM'],
    ['a commune', 'XA-PHUHOADONG'],
  ])('%s', async (_label, code) => {
    const p = await periodOf(1);
    const [org] = await db.select().from(orgs).where(eq(orgs.code, code));
    const built = await buildRollup(db, { id: org.id, name: org.name, type: org.type }, p);
    expect(built.rows.length).toBeGreaterThanOrEqual(3);
    expect(built.rows.every((r) => r.source === 'live')).toBe(true);
    for (const row of built.rows) {
      const full = await liveResults(
        db,
        row.kind === 'network' ? { networkId: row.id } : { org: { id: row.id, name: row.name, type: row.unitType } },
        p,
      );
      expect(
        {
          id: row.id,
          meetingsHeld: row.meetingsHeld,
          notCarriedOut: row.notCarriedOut,
          participants: row.participants,
          nonParticipants: row.nonParticipants,
        },
        row.name,
      ).toEqual({
        id: row.id,
        meetingsHeld: full.meetingsHeld,
        notCarriedOut: full.notCarriedOut.length,
        participants: full.participants,
        nonParticipants: full.nonParticipants,
      });
    }
    expect(built.totals.meetingsHeld).toBeGreaterThan(0);
  });
});
