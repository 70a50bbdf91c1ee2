import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../src/server/db/client';
import { attachments, panelScores, reports } from '../../../src/server/db/schema';
import {
  buildAccount,
  buildInspectionArea,
  buildInvitations,
  buildPanelEntry,
  buildPanelEvent,
  buildPlan,
  buildPlanItem,
  buildTeam,
  buildVenue,
} from '../../factories';
import type { AuthzWorld, Scope } from './fixtures';

/** The records of one side the id axis needs beyond the matrix's world. */
export interface IdSide {
  /** The school's parent (a commune's office in Củ Chi, the Sở's unit above Lục Nam). */
  parent: string;
  /** A second member school of the side's network. */
  member: string;
  /** The central venue of the side's meeting. */
  venue: string;
  /** A venue of the side's spare (draft) meeting. */
  spareVenue: string;
  /** An inspection area of the side's province. */
  area: string;
  /** An approved plan of the side's network, and one of its items. */
  approvedPlan: string;
  approvedItem: string;
  /** The chair of the side's meeting (the head of its panels). */
  chair: string;
  /** An image attached to the side's held meeting (a report photo). */
  photo: string;
  /** A year report (no term) of the side's network. */
  yearReport: string;
  /** A panel whose only entry every member has scored (ready for the head's selection), and that entry. */
  readyPanel: string;
  readyEntry: string;
  /** An invitation to the side's spare meeting. */
  spareInvitation: string;
  /** A team of the side's school that the axis may move elsewhere. */
  looseTeam: string;
}

/** Both sides' extra records, the first term of the year and the subject Toán (public). */
export interface IdWorld {
  own: IdSide;
  other: IdSide;
  termId: string;
  toan: string;
  /** Log-in e-mails of callers no demo role of the matrix plays: the own panel's head, a leader of Nhóm 1. */
  logins: { panelHead: string; leader: string };
}

const one = async (db: Executor, q: ReturnType<typeof sql>) => {
  const [row] = await queryRows<{ id: string }>(db, q);
  if (!row) throw new Error('id axis fixture not found');
  return row.id;
};

/** Builds the id axis's extra records on top of the matrix's world. */
export async function buildIdWorld(db: Executor, w: AuthzWorld): Promise<IdWorld> {
  const side = async (scope: Scope): Promise<IdSide> => {
    const s = w[scope];
    const approved = await buildPlan(db, { schoolYearId: w.yearId, reviewerOrgId: s.province, networkId: s.network, status: 'approved' });
    const item = await buildPlanItem(db, { planId: approved.id, hostOrgId: s.school, proposedDate: '2027-03-09' });
    const chair = await one(db, sql`select chair_person_id as id from meetings where id = ${s.meeting}`);
    const [photo] = await db
      .insert(attachments)
      .values({
        meetingId: s.meeting,
        fileName: 'anh.png',
        mimeType: 'image/png',
        size: 10,
        storageKey: `idaxis/${scope}`,
        sha256: '1'.repeat(64),
      })
      .returning();
    const [report] = await db
      .insert(reports)
      .values({ networkId: s.network, schoolYearId: w.yearId, termNumber: null, reviewerOrgId: s.province, createdBy: chair })
      .returning();
    const panel = await buildPanelEvent(db, {
      organiserOrgId: s.province,
      headPersonId: chair,
      memberIds: [],
      title: `Hội thi chọn ${scope}`,
    });
    const entry = (await buildPanelEntry(db, { eventId: panel.id, teamOrgId: s.team, presenterIds: [] })) as { id: string };
    await db.insert(panelScores).values({ entryId: entry.id, eventId: panel.id, memberId: chair, points: {}, total: 0 });
    const [inv] = await buildInvitations(db, s.spareMeeting, [s.person]);
    return {
      chair,
      photo: photo.id,
      yearReport: report.id,
      readyPanel: panel.id,
      readyEntry: entry.id,
      spareInvitation: inv.id,
      looseTeam: (await buildTeam(db, { parentId: s.school, code: `TO-LUU-DONG-${scope}`, name: 'Tổ lưu động' })).id,
      parent: await one(db, sql`select parent_id as id from org_links where org_id = ${s.school} and valid_to is null`),
      member: await one(
        db,
        sql`select org_id as id from network_members where network_id = ${s.network} and org_id <> ${s.school} limit 1`,
      ),
      venue: await one(db, sql`select id from venues where meeting_id = ${s.meeting} limit 1`),
      spareVenue: (await buildVenue(db, { meetingId: s.spareMeeting, orgId: s.school })).id,
      area: (await buildInspectionArea(db, { provinceOrgId: s.province, schoolYearId: w.yearId, label: 'Cụm kiểm tra', month: '2027-05' }))
        .id,
      approvedPlan: approved.id,
      approvedItem: item.id,
    };
  };
  const own = await side('own');
  const other = await side('other');
  // The own panel's head is the own meeting's chair; the leader leads Nhóm 1 (accounts made when the demo has none).
  const loginOf = async (personId: string, email: string) => {
    const [acc] = await queryRows<{ email: string }>(db, sql`select email from accounts where person_id = ${personId}`);
    if (acc) return acc.email;
    await buildAccount(db, { personId, email, password: 'lientruong2026' });
    return email;
  };
  const leader = await one(db, sql`select person_id as id from network_leaders where network_id = ${w.own.network} and role = 'leader'`);
  return {
    own,
    other,
    termId: await one(db, sql`select id from terms where school_year_id = ${w.yearId} order by number limit 1`),
    toan: await one(db, sql`select id from subjects where code = 'toan'`),
    logins: {
      panelHead: await loginOf(own.chair, 'truongban.hoithi@lientruong.vn'),
      leader: await loginOf(leader, 'nhomtruong.nhom1@lientruong.vn'),
    },
  };
}
