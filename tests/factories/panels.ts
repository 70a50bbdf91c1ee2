import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import { accounts, memberships, rubrics } from '../../src/server/db/schema';
import * as panelsRepo from '../../src/server/modules/panels/repo';

/** A panel event with its panel, scored with a preset rubric (seed 004's by default). */
export async function buildPanelEvent(
  db: Executor,
  o: {
    organiserOrgId: string;
    headPersonId: string;
    memberIds: string[];
    title?: string;
    eventDate?: string;
    submissionDeadline?: Date;
    selectCount?: number;
    place?: string | null;
    presetKey?: string;
  },
) {
  const [rubric] = await db
    .select()
    .from(rubrics)
    .where(eq(rubrics.presetKey, o.presetKey ?? 'panel_seed004'));
  const deadline = o.submissionDeadline ?? new Date(Date.now() + 7 * 86_400_000);
  const { id } = await panelsRepo.insertEvent(db, {
    organiserOrgId: o.organiserOrgId,
    title: o.title ?? 'Sinh hoạt tổ trưởng chuyên môn: trưng bày hồ sơ và báo cáo video clip',
    eventDate: o.eventDate ?? new Date(deadline.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
    place: o.place ?? null,
    submissionDeadline: deadline,
    selectCount: o.selectCount ?? 3,
    rubricId: rubric.id,
    rubricSnapshot: { id: rubric.id, name: rubric.name, groups: rubric.groups },
    headPersonId: o.headPersonId,
  });
  await panelsRepo.insertMembers(db, id, [...new Set([o.headPersonId, ...o.memberIds])]);
  return { id };
}

/** A team's entry: plan, meeting book and video report as links. */
export async function buildPanelEntry(db: Executor, o: { eventId: string; teamOrgId: string; presenterIds: string[]; teamName?: string }) {
  const name = o.teamName ?? 'tổ';
  return panelsRepo.insertEntry(db, {
    eventId: o.eventId,
    teamOrgId: o.teamOrgId,
    presenterIds: o.presenterIds,
    items: [
      { part: 'team_plan', title: `Kế hoạch ${name} năm học`, url: 'https://drive.example.vn/ke-hoach-to.pdf', materialId: null },
      {
        part: 'meeting_book',
        title: 'Sổ ghi nội dung các cuộc họp chuyên môn',
        url: 'https://drive.example.vn/so-hop.pdf',
        materialId: null,
      },
      { part: 'video', title: 'Video clip báo cáo chuyên đề', url: 'https://video.example.vn/bao-cao.mp4', materialId: null },
    ],
  });
}

/** Person ids of the heads of the given teams (any validity), by team. */
export async function teamHeadsOf(db: Executor, teamIds: string[]): Promise<Map<string, string>> {
  if (teamIds.length === 0) return new Map();
  const rows = await db
    .select({ orgId: memberships.orgId, personId: memberships.personId })
    .from(memberships)
    .where(and(inArray(memberships.orgId, teamIds), eq(memberships.position, 'team_head')));
  return new Map(rows.map((r) => [r.orgId, r.personId]));
}

/** The person id of an account's e-mail. */
export async function personOfEmail(db: Executor, email: string): Promise<string | undefined> {
  const [row] = await db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, email));
  return row?.personId;
}
