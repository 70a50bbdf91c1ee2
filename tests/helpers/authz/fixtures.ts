import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../src/server/db/client';
import { invitationRules, materials, reports, rubrics } from '../../../src/server/db/schema';
import { ADMIN_LOGIN, seedDemo } from '../../../src/server/seed/demo';
import { BAC_GIANG_LOGINS } from '../../../src/server/seed/demo/bacGiang';
import { CU_CHI_LOGINS } from '../../../src/server/seed/demo/cuChi';
import {
  buildAssignment,
  buildAttendance,
  buildInspection,
  buildInspectionArea,
  buildInvitations,
  buildLessonPlanVersion,
  buildLessonStudy,
  buildMeeting,
  buildMinutes,
  buildNetwork,
  buildObservationNote,
  buildPanelEntry,
  buildPanelEvent,
  buildPerson,
  buildPlan,
  buildPlanItem,
  buildPresenter,
  buildTeam,
  buildVenue,
} from '../../factories';
import type { TestApp, TestClient } from '../testApp';

/** The demo roles of the matrix, plus the anonymous visitor. */
export const ROLES = ['admin', 'specialist', 'communeLeader', 'principal', 'teamHead', 'teacher'] as const;
export type Role = (typeof ROLES)[number];
export type Who = Role | 'anon';
export type Scope = 'own' | 'other';

const EMAILS: Record<Role, string> = {
  admin: ADMIN_LOGIN,
  specialist: CU_CHI_LOGINS.specialist,
  communeLeader: CU_CHI_LOGINS.communeOfficer,
  principal: CU_CHI_LOGINS.principal,
  teamHead: CU_CHI_LOGINS.teamHead,
  teacher: CU_CHI_LOGINS.teacher,
};

/** One side of the matrix: the records of one scope. */
export interface Side {
  school: string;
  team: string;
  province: string;
  network: string;
  meeting: string;
  /** A meeting nobody has touched, for routes that change a meeting's state. */
  spareMeeting: string;
  plan: string;
  planItem: string;
  report: string;
  note: string;
  assignment: string;
  inspection: string;
  panel: string;
  panelEntry: string;
  rubric: string;
  material: string;
  person: string;
  version: string;
  invitation: string;
}

/**
 * The matrix's world on top of the demo seed. "own" records sit at THCS Tân Thạnh Đông (commune Phú Hòa Đông, Sở
 * TP.HCM, Nhóm liên trường số 1) and involve every demo role: the teacher of Hòa Phú, the team head of Tân Thạnh Đông
 * and the principal of Thị Trấn 2 are invited to the meeting; "other" records sit at THPT Lục Nam (Sở Bắc Giang),
 * outside every Củ Chi role's reach: only the admin may touch them, apart from public facts.
 */
export interface AuthzWorld {
  yearId: string;
  persons: Record<Role, string>;
  own: Side;
  other: Side;
  /** Builds a fresh meeting of a side (for DELETE and other one-way routes). */
  freshMeeting(scope: Scope): Promise<string>;
  /** Builds a fresh observation note of the side's observer. */
  freshNote(scope: Scope): Promise<string>;
}

async function one<T>(db: Executor, q: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(db, q);
  if (!row) throw new Error(`fixture not found: ${q.queryChunks.map(String).join('')}`);
  return row;
}

const idOf = async (db: Executor, q: ReturnType<typeof sql>) => (await one<{ id: string }>(db, q)).id;

/** Seeds the demo and builds the own / other records every route of the matrix needs. */
export async function buildAuthzWorld(db: Executor): Promise<AuthzWorld> {
  await seedDemo(db);
  const yearId = await idOf(db, sql`select id from school_years where code = '2026-2027'`);
  const personOf = (email: string) => idOf(db, sql`select person_id as id from accounts where email = ${email}`);
  const persons = {} as Record<Role, string>;
  for (const r of ROLES) persons[r] = await personOf(EMAILS[r]);
  const org = (code: string) => idOf(db, sql`select id from orgs where code = ${code}`);
  const ttd = await idOf(db, sql`select id from orgs where name = 'Trường THCS Tân Thạnh Đông'`);
  const ttdTeam = await idOf(
    db,
    sql`select org_id as id from memberships where person_id = ${persons.teamHead} and position = 'team_head' and valid_to is null`,
  );
  const ttdPrincipal = await idOf(
    db,
    sql`select person_id as id from memberships where org_id = ${ttd} and position = 'principal' and valid_to is null`,
  );
  const ttdSecretary = await idOf(
    db,
    sql`select person_id as id from memberships where org_id = ${ttdTeam} and position = 'teacher' and valid_to is null order by person_id limit 1`,
  );
  const hcm = await org('SGDDT-HCM');
  const nhom1 = await idOf(db, sql`select id from networks where school_year_id = ${yearId} and name like 'Nhóm liên trường số 1 %'`);
  const toan = await idOf(db, sql`select id from subjects where code = 'toan'`);

  const bgSo = await org('SGDDT-BG');
  const ln = await org('THPT-LN');
  const lnTeam = await buildTeam(db, { parentId: ln, code: 'THPT-LN-TOAN', name: 'Tổ Toán - Tin' });
  const lnPrincipal = await personOf(BAC_GIANG_LOGINS.principal);
  const lnTeacher = await buildPerson(db, {
    fullName: 'Giáo viên Lục Nam',
    email: 'gv.lucnam@lientruong.vn',
    positions: [{ orgId: lnTeam.id, position: 'teacher' }],
  });
  const bgNetwork = await buildNetwork(db, {
    schoolYearId: yearId,
    supervisingOrgId: bgSo,
    memberOrgIds: [ln, await org('THPT-TY1')],
    name: 'Nhóm liên trường THPT Lục Nam – Tân Yên',
    leaders: [{ personId: lnPrincipal, role: 'leader' }],
  });

  /** A held lesson-study meeting with invitations, attendance (an absence with its reason), minutes and a note. */
  async function meetingOf(s: { school: string; network: string; chair: string; secretary: string; invitees: string[]; observer: string }) {
    const m = await buildMeeting(db, {
      hostOrgId: s.school,
      schoolYearId: yearId,
      networkId: s.network,
      kind: 'lesson_study',
      status: 'held',
      title: 'Nghiên cứu bài học: Phương trình bậc nhất',
      startsAt: new Date('2026-11-20T07:30:00+07:00'),
      chairPersonId: s.chair,
      secretaryPersonId: s.secretary,
      subjectIds: [toan],
    });
    const venue = await buildVenue(db, { meetingId: m.id, orgId: s.school });
    const inv = await buildInvitations(db, m.id, [...new Set([s.secretary, ...s.invitees])], venue.id);
    for (const [i, p] of s.invitees.entries()) {
      await buildAttendance(db, {
        meetingId: m.id,
        personId: p,
        venueId: venue.id,
        status: i === 0 ? 'excused' : 'present',
        reason: i === 0 ? 'Ốm, có giấy xin phép' : null,
      });
    }
    // A draft here: buildExtras attaches files and then puts the minutes out for signing (runner.ts), after which the
    // meeting's parts refuse changes (decision 0024); the participants' right to sign is then what decides.
    await buildMinutes(db, { meetingId: m.id, status: 'draft', discussion: '<p>Thảo luận nội bộ</p>', textHash: 'a'.repeat(64) });
    await buildLessonStudy(db, { meetingId: m.id, step: 2, layout: { kind: 'grid', rows: 2, cols: 2 } });
    const version = await buildLessonPlanVersion(db, {
      meetingId: m.id,
      version: 1,
      bodyHtml: '<p>Kế hoạch bài dạy</p>',
      createdBy: s.secretary,
    });
    await buildPresenter(db, { meetingId: m.id, personId: s.invitees[0] });
    const note = await buildObservationNote(db, {
      meetingId: m.id,
      observerId: s.observer,
      observedAt: new Date('2026-11-20T08:00:00+07:00'),
    });
    const invitation = inv.find((x) => x.personId === s.invitees[0]) ?? inv[0];
    return { meeting: m.id, version: version.id, note: note.id, invitation: invitation.id };
  }

  const ownPeople = {
    school: ttd,
    network: nhom1,
    chair: ttdPrincipal,
    secretary: ttdSecretary,
    invitees: [persons.teacher, persons.teamHead, persons.principal],
    observer: persons.teacher,
  };
  const otherPeople = {
    school: ln,
    network: bgNetwork.id,
    chair: lnPrincipal,
    secretary: lnTeacher.id,
    invitees: [lnTeacher.id, lnPrincipal],
    observer: lnTeacher.id,
  };
  const ownMeeting = await meetingOf(ownPeople);
  const otherMeeting = await meetingOf(otherPeople);
  const spare = async (s: typeof ownPeople) =>
    (
      await buildMeeting(db, {
        hostOrgId: s.school,
        schoolYearId: yearId,
        networkId: s.network,
        chairPersonId: s.chair,
        startsAt: new Date('2026-12-15T07:30:00+07:00'),
      })
    ).id;

  async function sideRecords(s: typeof ownPeople, province: string, team: string, teamHead: string | null, tag: string, key: Scope) {
    const plan = await buildPlan(db, { schoolYearId: yearId, reviewerOrgId: province, networkId: s.network, termNumber: 2 });
    const planItem = await buildPlanItem(db, { planId: plan.id, hostOrgId: s.school, subjectIds: [toan] });
    const [report] = await db
      .insert(reports)
      .values({ networkId: s.network, schoolYearId: yearId, termNumber: 2, reviewerOrgId: province, createdBy: s.chair })
      .returning();
    const assignment = await buildAssignment(db, {
      provinceOrgId: province,
      schoolYearId: yearId,
      unitOrgId: s.school,
      subjectId: toan,
      month: '2027-03',
    });
    const inspection = await buildInspection(db, {
      provinceOrgId: province,
      schoolYearId: yearId,
      unitOrgId: s.school,
      visitDate: '2027-03-10',
    });
    const panel = await buildPanelEvent(db, { organiserOrgId: province, headPersonId: s.chair, memberIds: [], title: `Hội thi ${tag}` });
    const entry = await buildPanelEntry(db, { eventId: panel.id, teamOrgId: team, presenterIds: teamHead ? [teamHead] : [] });
    const [preset] = await db.select().from(rubrics).where(eq(rubrics.presetKey, 'panel_seed004'));
    const [rubric] = await db
      .insert(rubrics)
      .values({ ownerOrgId: province, name: `Tiêu chí ${tag}`, purpose: 'dossier', groups: preset.groups })
      .returning();
    const [material] = await db
      .insert(materials)
      .values(materialRow({ school: s.school, province, person: s.secretary }, key))
      .returning();
    return {
      plan: plan.id,
      planItem: planItem.id,
      report: report.id,
      assignment: assignment.id,
      inspection: inspection.id,
      panel: panel.id,
      panelEntry: (entry as { id: string }).id,
      rubric: rubric.id,
      material: material.id,
    };
  }

  const own: Side = {
    school: ttd,
    team: ttdTeam,
    province: hcm,
    network: nhom1,
    ...ownMeeting,
    spareMeeting: await spare(ownPeople),
    person: ttdSecretary,
    ...(await sideRecords(ownPeople, hcm, ttdTeam, persons.teamHead, 'Củ Chi', 'own')),
  };
  const other: Side = {
    school: ln,
    team: lnTeam.id,
    province: bgSo,
    network: bgNetwork.id,
    ...otherMeeting,
    spareMeeting: await spare(otherPeople),
    person: lnTeacher.id,
    ...(await sideRecords(otherPeople, bgSo, lnTeam.id, null, 'Bắc Giang', 'other')),
  };

  return {
    yearId,
    persons,
    own,
    other,
    freshMeeting: (scope) => spare(scope === 'own' ? ownPeople : otherPeople),
    freshNote: async (scope) => {
      const s = scope === 'own' ? own : other;
      const observer = scope === 'own' ? ownPeople.observer : otherPeople.observer;
      return (
        await buildObservationNote(db, { meetingId: s.meeting, observerId: observer, observedAt: new Date('2026-11-20T09:00:00+07:00') })
      ).id;
    },
  };
}

/** Logs every demo role in (one client each) and an anonymous client. */
export async function loginAll(t: TestApp): Promise<Record<Who, TestClient>> {
  const out = { anon: t.client() } as Record<Who, TestClient>;
  for (const r of ROLES) out[r] = await t.client().login(EMAILS[r], 'lientruong2026');
  return out;
}

/** A fresh record of a kind built straight in the database (for routes that delete or end what they touch). */
export async function makeFresh(
  db: Executor,
  w: AuthzWorld,
  kind: 'meeting' | 'note' | 'network' | 'material' | 'assignment' | 'area' | 'invitation' | 'rule',
  scope: Scope,
): Promise<string> {
  const s = w[scope];
  const toan = await idOf(db, sql`select id from subjects where code = 'toan'`);
  switch (kind) {
    case 'meeting':
      return w.freshMeeting(scope);
    case 'note':
      return w.freshNote(scope);
    case 'network':
      return (await buildNetwork(db, { schoolYearId: w.yearId, supervisingOrgId: s.province, memberOrgIds: [s.school] })).id;
    case 'material': {
      const [row] = await db
        .insert(materials)
        .values(materialRow(s, `xoa-${scope}`))
        .returning();
      return row.id;
    }
    case 'assignment':
      return (
        await buildAssignment(db, {
          provinceOrgId: s.province,
          schoolYearId: w.yearId,
          unitOrgId: s.school,
          subjectId: toan,
          month: '2027-04',
        })
      ).id;
    case 'area':
      return (await buildInspectionArea(db, { provinceOrgId: s.province, schoolYearId: w.yearId, label: 'Khu vực thử', month: '2027-04' }))
        .id;
    case 'invitation': {
      const p = await buildPerson(db, { positions: [{ orgId: s.team, position: 'teacher' }] });
      // On the spare meeting: the main one's minutes are out for signing, and its invitations can no longer change.
      const [inv] = await buildInvitations(db, s.spareMeeting, [p.id]);
      return inv.id;
    }
    case 'rule': {
      const [row] = await db
        .insert(invitationRules)
        .values({ meetingId: s.spareMeeting, rule: { kind: 'subject_teachers' }, description: 'Giáo viên môn Toán' })
        .returning();
      return row.id;
    }
  }
}

/** The row of a "network"-visibility material of a side's school (its file is written by the test). */
export function materialRow(s: Pick<Side, 'school' | 'province' | 'person'>, key: string): typeof materials.$inferInsert {
  return {
    title: `Học liệu ${key}`,
    kind: 'other',
    visibility: 'network',
    ownerOrgId: s.school,
    provinceOrgId: s.province,
    searchText: `hoc lieu ${key}`,
    fileName: 'tai-lieu.pdf',
    mimeType: 'application/pdf',
    size: MATERIAL_BYTES.length,
    sha256: '0'.repeat(64),
    storageKey: `authz/${key}`,
    uploadedBy: s.person,
  };
}

/** The bytes of every fixture material's file. */
export const MATERIAL_BYTES = Buffer.from('%PDF-1.4\n% tài liệu thử\n%%EOF\n');
