import { buildPanelEntry, buildPanelEvent, personOfEmail, teamHeadsOf } from '../../../../tests/factories/panels';
import { todayIso } from '../../lib/dates';
import * as orgsRepo from '../../modules/orgs/repo';
import { CU_CHI_LOGINS, type CuChiOrgs } from './cuChi';
import type { SeedContext } from './staff';

/**
 * Seed 004 in the demo: the commune of Phú Hòa Đông holds a team heads' event where six teams of its schools show
 * their dossiers and video reports; the panel is the commune officer (head) and two principals; nobody has scored yet.
 */
export async function buildDemoPanels(ctx: SeedContext, cc: CuChiOrgs): Promise<void> {
  const [commune] = await orgsRepo.search(ctx.db, 'Xã Phú Hòa Đông', { type: 'commune', limit: 1 });
  const head = await personOfEmail(ctx.db, CU_CHI_LOGINS.communeOfficer);
  if (!commune || !head) return;
  const members = ['Tân Thạnh Đông', 'Tân Thạnh Tây'].map((k) => cc.principals.get(k)).filter((x): x is string => !!x);
  const under = await orgsRepo.summaries(ctx.db, await orgsRepo.subtreeIds(ctx.db, [commune.id], todayIso()));
  const teams = under.filter((o) => o.type === 'team').slice(0, 6);
  const heads = await teamHeadsOf(
    ctx.db,
    teams.map((t) => t.id),
  );
  const { id } = await buildPanelEvent(ctx.db, {
    organiserOrgId: commune.id,
    headPersonId: head,
    memberIds: members,
    title: 'Sinh hoạt tổ trưởng chuyên môn cấp xã: trưng bày hồ sơ và báo cáo video clip',
    place: 'Nhà đa năng trường THCS Tân Thạnh Đông',
  });
  for (const t of teams) {
    const presenter = heads.get(t.id);
    await buildPanelEntry(ctx.db, { eventId: id, teamOrgId: t.id, presenterIds: presenter ? [presenter] : [], teamName: t.name });
  }
}
