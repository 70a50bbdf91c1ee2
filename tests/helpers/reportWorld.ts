import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import {
  memberships,
  networkMembers,
  networks,
  orgLinks,
  orgs,
  personSubjects,
  planItems,
  ruleQuotas,
  ruleSets,
  schoolYears,
  subjects,
} from '../../src/server/db/schema';
import { seedDemo } from '../../src/server/seed/demo';
import { groupName } from '../../src/server/seed/demo/cuChiNetworks';
import { buildAttendance, buildMeeting, buildPlan, buildPlanItem, buildVenue } from '../factories';

/**
 * A known term on the Củ Chi demo data: HK I of 2025-2026 (or another year, see buildKnownTerm), when the Sở supervises Cụm 01, Cụm 02 and Nhóm 1…8 with
 * the Củ Chi rules (clusters 1 meeting a term, school groups 2 a term for each subject of their plan, seed 001). Every
 * school's Toán - Tin team has three Toán teachers and one Tin học teacher; Ngữ văn - GDCD three Ngữ văn and one GDCD;
 * KHTN four KHTN. Each group met as its approved plan required, except Nhóm 3:
 *
 * - Nhóm 1 (plan: Toán ×2, Ngữ văn ×2): Toán twice at Tân Thạnh Đông and Hòa Phú (9 Toán teachers, the same one excused
 *   "Ốm, có giấy xin phép" both times) and Ngữ văn twice at Hòa Phú and Tân Thạnh Đông (9 Ngữ văn teachers, all present):
 *   4 meetings.
 * - Nhóm 2 (plan: KHTN ×2, Toán + Tin học ×2): KHTN twice at Tân Trung and Bình Hòa (12 KHTN teachers, the same one
 *   excused "Đi tập huấn" both times) and Toán + Tin học twice at Bình Hòa and Tân Trung (9 Toán and 3 Tin học teachers,
 *   the same Tin học teacher absent "Trùng lịch dạy" both times): 4 meetings.
 * - Nhóm 3 (plan: Toán, Ngữ văn): met once, Toán at Phú Hòa Đông (9 Toán teachers, one excused "Ốm", one absent "Bận
 *   việc gia đình"); the Ngữ văn item was cancelled "Trùng lịch kiểm tra cuối học kỳ I" → behind in both subjects.
 * - Cụm 01: Ngữ văn at Thị Trấn 2 with the Ngữ văn teachers of its 12 schools (36), all present.
 * - Tân Thạnh Đông (commune Phú Hòa Đông): its own Toán team meeting, outside any network, its 3 Toán teachers present.
 */
export async function buildReportWorld(db: Executor) {
  const seeded = await seedDemo(db, { living: false });
  return { seeded, ...(await buildKnownTerm(db, '2025-2026')) };
}

/** The known term of `buildReportWorld` in HK I of another demo school year (on data already seeded). */
export async function buildKnownTerm(db: Executor, yearCode: string) {
  const y1 = Number(yearCode.slice(0, 4));
  /** A date of the term's first calendar year ("10-14" → "2025-10-14"). */
  const on = (monthDay: string) => `${y1}-${monthDay}`;
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.code, yearCode));
  const [so] = await db.select().from(orgs).where(eq(orgs.code, 'SGDDT-HCM'));
  const [commune] = await db.select().from(orgs).where(eq(orgs.code, 'XA-PHUHOADONG'));
  const subjectId = new Map((await db.select().from(subjects)).map((s) => [s.code, s.id]));
  const schoolByKey = async (key: string) => {
    const [s] = await db
      .select()
      .from(orgs)
      .where(inArray(orgs.shortName, [`THCS ${key}`, `TH-THCS ${key}`]));
    if (!s) throw new Error(`no school ${key}`);
    return s.id;
  };
  const networkByName = async (name: string) => {
    const [n] = await db
      .select()
      .from(networks)
      .where(and(eq(networks.name, name), eq(networks.schoolYearId, year.id)));
    return n;
  };

  const existing = await db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.orgId, so.id), eq(ruleSets.schoolYearId, year.id)));
  if (existing.length === 0) {
    const [set] = await db.insert(ruleSets).values({ orgId: so.id, schoolYearId: year.id, preset: 'cu_chi' }).returning();
    await db.insert(ruleQuotas).values([
      { ruleSetId: set.id, target: 'cluster', per: 'term', minCount: 1 },
      { ruleSetId: set.id, target: 'school_group', per: 'term', minCount: 2, perSubject: true },
    ]);
  }

  /** Teachers of a subject in the given schools (through their teams), in name order. */
  const teachersOf = async (schoolIds: string[], code: string) => {
    const teamIds = (
      await db
        .select({ id: orgLinks.orgId })
        .from(orgLinks)
        .innerJoin(orgs, eq(orgs.id, orgLinks.orgId))
        .where(and(inArray(orgLinks.parentId, schoolIds), eq(orgs.type, 'team')))
    ).map((r) => r.id);
    const rows = await db
      .selectDistinct({ id: memberships.personId })
      .from(memberships)
      .innerJoin(personSubjects, eq(personSubjects.personId, memberships.personId))
      .where(and(inArray(memberships.orgId, teamIds), eq(personSubjects.subjectId, subjectId.get(code) as string)))
      .orderBy(memberships.personId);
    return rows.map((r) => r.id);
  };

  type Absence = { index: number; status: 'excused' | 'absent'; reason: string };
  const meeting = async (o: {
    networkId: string | null;
    hostKey: string;
    date: string;
    title: string;
    subjects: string[];
    attendees: string[];
    absences?: Absence[];
    planItemId?: string;
  }) => {
    const hostOrgId = await schoolByKey(o.hostKey);
    const m = await buildMeeting(db, {
      hostOrgId,
      schoolYearId: year.id,
      networkId: o.networkId,
      termNumber: 1,
      title: o.title,
      status: 'held',
      startsAt: new Date(`${o.date}T07:30:00+07:00`),
      subjectIds: o.subjects.map((c) => subjectId.get(c) as string),
      planItemId: o.planItemId ?? null,
    });
    const venue = await buildVenue(db, { meetingId: m.id, orgId: hostOrgId });
    for (const [i, personId] of o.attendees.entries()) {
      const a = o.absences?.find((x) => x.index === i);
      await buildAttendance(db, {
        meetingId: m.id,
        personId,
        venueId: venue.id,
        status: a?.status ?? 'present',
        reason: a?.reason ?? null,
      });
    }
    return m;
  };

  const group = async (i: number) => {
    const n = await networkByName(groupName(i));
    return { network: n, members: await memberIds(db, n.id) };
  };
  const [g1, g2, g3] = [await group(0), await group(1), await group(2)];
  const cluster1 = await networkByName('Cụm 01 (THCS Củ Chi)');
  const cluster1Members = await memberIds(db, cluster1.id);

  /** An approved term plan of a network, one item per entry (subject codes), for subjectsInPlay. */
  const approvedPlan = async (networkId: string, items: string[][]) => {
    const p = await buildPlan(db, { schoolYearId: year.id, reviewerOrgId: so.id, networkId, termNumber: 1, status: 'approved' });
    for (const [i, codes] of items.entries())
      await buildPlanItem(db, {
        planId: p.id,
        content: `Sinh hoạt chuyên môn ${i + 1}`,
        subjectIds: codes.map((c) => subjectId.get(c) as string),
        sortOrder: i,
      });
    return p;
  };
  await approvedPlan(g1.network.id, [['toan'], ['ngu-van'], ['toan'], ['ngu-van']]);
  const g1Toan = await teachersOf(g1.members, 'toan');
  const g1Van = await teachersOf(g1.members, 'ngu-van');
  const m1 = await meeting({
    networkId: g1.network.id,
    hostKey: 'Tân Thạnh Đông',
    date: on('10-14'),
    title: 'Thao giảng Toán 8: Định lí Pythagore',
    subjects: ['toan'],
    attendees: g1Toan,
    absences: [{ index: 4, status: 'excused', reason: 'Ốm, có giấy xin phép' }],
  });
  await meeting({
    networkId: g1.network.id,
    hostKey: 'Hòa Phú',
    date: on('10-30'),
    title: 'Chuyên đề: Dạy học văn bản thông tin lớp 8',
    subjects: ['ngu-van'],
    attendees: g1Van,
  });
  await meeting({
    networkId: g1.network.id,
    hostKey: 'Hòa Phú',
    date: on('11-18'),
    title: 'Thao giảng Toán 9: Góc nội tiếp',
    subjects: ['toan'],
    attendees: g1Toan,
    absences: [{ index: 4, status: 'excused', reason: 'Ốm, có giấy xin phép' }],
  });
  await meeting({
    networkId: g1.network.id,
    hostKey: 'Tân Thạnh Đông',
    date: on('11-25'),
    title: 'Chuyên đề: Dạy đọc hiểu văn bản nghị luận lớp 9',
    subjects: ['ngu-van'],
    attendees: g1Van,
  });
  await approvedPlan(g2.network.id, [['khtn'], ['toan', 'tin-hoc'], ['khtn'], ['toan', 'tin-hoc']]);
  const g2Khtn = await teachersOf(g2.members, 'khtn');
  await meeting({
    networkId: g2.network.id,
    hostKey: 'Tân Trung',
    date: on('10-21'),
    title: 'Thao giảng KHTN 7: Tốc độ chuyển động',
    subjects: ['khtn'],
    attendees: g2Khtn,
    absences: [{ index: 0, status: 'excused', reason: 'Đi tập huấn' }],
  });
  await meeting({
    networkId: g2.network.id,
    hostKey: 'Bình Hòa',
    date: on('11-11'),
    title: 'Thao giảng KHTN 8: Áp suất chất lỏng',
    subjects: ['khtn'],
    attendees: g2Khtn,
    absences: [{ index: 0, status: 'excused', reason: 'Đi tập huấn' }],
  });
  const tin = await teachersOf(g2.members, 'tin-hoc');
  const g2ToanTin = [...(await teachersOf(g2.members, 'toan')), ...tin];
  await meeting({
    networkId: g2.network.id,
    hostKey: 'Tân Trung',
    date: on('11-04'),
    title: 'Chuyên đề: Bảng tính trong giải toán thực tế',
    subjects: ['toan', 'tin-hoc'],
    attendees: g2ToanTin,
    absences: [{ index: 9 + 1, status: 'absent', reason: 'Trùng lịch dạy' }],
  });
  await meeting({
    networkId: g2.network.id,
    hostKey: 'Bình Hòa',
    date: on('12-02'),
    title: 'Chuyên đề: Tư duy thuật toán trong giải toán',
    subjects: ['toan', 'tin-hoc'],
    attendees: g2ToanTin,
    absences: [{ index: 9 + 1, status: 'absent', reason: 'Trùng lịch dạy' }],
  });
  const plan = await buildPlan(db, {
    schoolYearId: year.id,
    reviewerOrgId: so.id,
    networkId: g3.network.id,
    termNumber: 1,
    status: 'approved',
  });
  const heldItem = await buildPlanItem(db, {
    planId: plan.id,
    content: 'Thao giảng Toán 9',
    proposedDate: on('10-28'),
    subjectIds: [subjectId.get('toan') as string],
    sortOrder: 0,
  });
  const cancelledItem = await buildPlanItem(db, {
    planId: plan.id,
    kind: 'topic_report',
    content: 'Chuyên đề Ngữ văn: Viết bài văn nghị luận xã hội',
    subjectIds: [subjectId.get('ngu-van') as string],
    proposedDate: on('12-09'),
    sortOrder: 1,
  });
  await db.update(planItems).set({ status: 'held' }).where(eq(planItems.id, heldItem.id));
  await db
    .update(planItems)
    .set({ status: 'cancelled', statusReason: 'Trùng lịch kiểm tra cuối học kỳ I' })
    .where(eq(planItems.id, cancelledItem.id));
  await meeting({
    networkId: g3.network.id,
    hostKey: 'Phú Hòa Đông',
    date: on('10-28'),
    title: 'Thao giảng Toán 9: Hàm số bậc nhất',
    subjects: ['toan'],
    attendees: await teachersOf(g3.members, 'toan'),
    absences: [
      { index: 1, status: 'excused', reason: 'Ốm' },
      { index: 6, status: 'absent', reason: 'Bận việc gia đình' },
    ],
    planItemId: heldItem.id,
  });
  await meeting({
    networkId: cluster1.id,
    hostKey: 'Thị Trấn 2',
    date: on('11-11'),
    title: 'Hội thảo: Đổi mới kiểm tra đánh giá môn Ngữ văn',
    subjects: ['ngu-van'],
    attendees: await teachersOf(cluster1Members, 'ngu-van'),
  });
  const ttd = await schoolByKey('Tân Thạnh Đông');
  await meeting({
    networkId: null,
    hostKey: 'Tân Thạnh Đông',
    date: on('11-04'),
    title: 'Sinh hoạt tổ Toán - Tin: rút kinh nghiệm kiểm tra giữa kỳ',
    subjects: ['toan'],
    attendees: await teachersOf([ttd], 'toan'),
  });

  return {
    year,
    so,
    commune,
    networks: { g1: g1.network, g2: g2.network, g3: g3.network, cluster1 },
    m1,
    tanThanhDong: ttd,
    teachersOf,
    schoolByKey,
  };
}

async function memberIds(db: Executor, networkId: string): Promise<string[]> {
  const rows = await db.select({ orgId: networkMembers.orgId }).from(networkMembers).where(eq(networkMembers.networkId, networkId));
  return rows.map((r) => r.orgId);
}

export type ReportWorld = Awaited<ReturnType<typeof buildReportWorld>>;
