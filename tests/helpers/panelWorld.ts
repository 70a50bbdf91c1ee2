import { eq } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import { rubrics } from '../../src/server/db/schema';
import { buildOrg, buildTeam, buildUser } from '../factories';
import { buildWorld } from './world';

/**
 * The policy world plus a panel (seed 004) of commune 1: six teams in three schools, a panel head (a specialist of the
 * commune) and two members (the principals of schools 1 and 1b), and the preset rubric "panel_seed004".
 */
export async function buildPanelWorld(db: Executor) {
  const w = await buildWorld(db);
  const school1c = await buildOrg(db, { name: 'Trường THCS Phú Hòa', code: 'THCS-PH', parentId: w.orgs.commune1.id });
  const team = (name: string, code: string, parentId: string) => buildTeam(db, { name, code, parentId });
  const teams = [
    w.orgs.team1,
    await team('Tổ Ngữ văn', 'TTD-VAN', w.orgs.school1.id),
    await team('Tổ Toán', 'TTT-TOAN', w.orgs.school1b.id),
    await team('Tổ Khoa học tự nhiên', 'TTT-KHTN', w.orgs.school1b.id),
    await team('Tổ Toán - Tin', 'PH-TOAN', school1c.id),
    await team('Tổ Ngoại ngữ', 'PH-NN', school1c.id),
  ];
  const panelHead = await buildUser(db, {
    fullName: 'Bùi Văn Khoát',
    email: 'tdh@tn.vn',
    positions: [{ orgId: w.orgs.commune1.id, position: 'specialist' }],
  });
  const principal1b = await buildUser(db, {
    fullName: 'Nguyễn Thị Hạnh',
    email: 'ht1b@tn.vn',
    positions: [{ orgId: w.orgs.school1b.id, position: 'principal' }],
  });
  const [rubric] = await db.select().from(rubrics).where(eq(rubrics.presetKey, 'panel_seed004'));
  return {
    ...w,
    orgs: { ...w.orgs, school1c },
    teams,
    rubric,
    users: { ...w.users, panelHead, principal1b },
  };
}

export type PanelWorld = Awaited<ReturnType<typeof buildPanelWorld>>;

/** A valid event body for commune 1, with the panel head and the two principals; deadline in the future by default. */
export function eventBody(w: PanelWorld, over: Record<string, unknown> = {}) {
  const deadline = new Date(Date.now() + 24 * 3600_000);
  const eventDate = new Date(deadline.getTime() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
  return {
    organiserOrgId: w.orgs.commune1.id,
    title: 'Sinh hoạt tổ trưởng chuyên môn cấp xã: trưng bày hồ sơ và báo cáo video clip',
    eventDate,
    place: 'Nhà đa năng trường THCS Tân Thạnh Đông',
    submissionDeadline: deadline.toISOString(),
    selectCount: 3,
    rubricId: w.rubric.id,
    headPersonId: w.users.panelHead.person.id,
    memberIds: [w.users.principal.person.id, w.users.principal1b.person.id],
    ...over,
  };
}

/** A team's entry body: plan and meeting book as links, a video report link, one presenter. */
export function entryBody(teamOrgId: string, presenterId: string) {
  return {
    teamOrgId,
    presenterIds: [presenterId],
    dossier: [
      { part: 'team_plan', title: 'Kế hoạch tổ chuyên môn năm học', url: 'https://drive.example.vn/ke-hoach.pdf' },
      { part: 'meeting_book', title: 'Sổ ghi nội dung các cuộc họp chuyên môn', url: 'https://drive.example.vn/so-hop.pdf' },
      { part: 'video', title: 'Video clip báo cáo chuyên đề', url: 'https://video.example.vn/bao-cao.mp4' },
    ],
  };
}

/** Points of the seed-004 rubric giving the dossier d points (of 40) and the video report p points (of 60). */
export function pointsFor(d: number, p: number): Record<string, number> {
  const spread = (total: number, maxes: number[], keys: string[]) => {
    let left = total;
    return Object.fromEntries(
      keys.map((k, i) => {
        const v = Math.min(maxes[i], left);
        left -= v;
        return [k, v];
      }),
    );
  };
  return { ...spread(d, [15, 15, 10], ['g1c1', 'g1c2', 'g1c3']), ...spread(p, [20, 15, 15, 10], ['g2c1', 'g2c2', 'g2c3', 'g2c4']) };
}
