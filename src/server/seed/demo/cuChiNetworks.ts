import { buildNetwork } from '../../../../tests/factories';
import type { CuChiOrgs } from './cuChi';
import { CU_CHI_CLUSTERS, CU_CHI_GROUPS } from './cuChiData';
import type { SeedContext } from './staff';
import type { DemoYear } from './years';

const KEPT =
  'Giữ nguyên cụm/nhóm của Quyết định 140/QĐ-PGDĐT sau khi sắp xếp đơn vị hành chính năm 2025 ' +
  '(Phòng GD&ĐT huyện Củ Chi giải thể từ 01/7/2025); Sở GD&ĐT Thành phố theo dõi.';

/** A year's Củ Chi networks by short key: "Cụm 01", "Cụm 02", "Nhóm 1" … "Nhóm 8". */
export type NetworkIds = Map<string, string>;

/** The name of a cluster ("Cụm 01 (THCS Củ Chi)"). */
export function clusterName(number: string): string {
  return `Cụm ${number} (THCS Củ Chi)`;
}

/** The name of a school group ("Nhóm liên trường số 1 (Tân Thạnh Đông – Hòa Phú – Tân Thạnh Tây)"). */
export function groupName(index: number): string {
  return `Nhóm liên trường số ${index + 1} (${CU_CHI_GROUPS[index].join(' – ')})`;
}

/**
 * Cụm 01, Cụm 02 and Nhóm 1…8 for one school year: in 2024-2025 formed by the Phòng's Quyết định 140/QĐ-PGDĐT,
 * later kept as they were under the Sở. A group sits inside a cluster only when its three schools are all in it.
 */
export async function buildCuChiNetworks(ctx: SeedContext, cc: CuChiOrgs, year: DemoYear, schoolYearId: string): Promise<NetworkIds> {
  const ids: NetworkIds = new Map();
  const formed = year === '2024-2025';
  const common = {
    schoolYearId,
    supervisingOrgId: formed ? cc.phongId : cc.soId,
    decisionNumber: formed ? '140/QĐ-PGDĐT' : null,
    decisionDate: formed ? '2024-09-11' : null,
  };
  const school = (key: string) => cc.schools.get(key) as string;
  const principal = (key: string) => cc.principals.get(key) as string;
  const clusterIds = new Map<string, string>();
  for (const c of CU_CHI_CLUSTERS) {
    const network = await buildNetwork(ctx.db, {
      ...common,
      kind: 'cluster',
      name: clusterName(c.number),
      memberOrgIds: c.members.map(school),
      leadOrgId: school(c.leader),
      leaders: [
        { personId: principal(c.leader), role: 'leader' },
        ...c.deputies.map((d) => ({ personId: principal(d), role: 'deputy' as const })),
      ],
      description: formed
        ? `Cụm chuyên môn cấp THCS năm học 2024-2025 (Quyết định 140/QĐ-PGDĐT ngày 11/9/2024); sinh hoạt ít nhất 1 lần/học kỳ do cụm trưởng chủ trì.`
        : KEPT,
    });
    clusterIds.set(c.number, network.id);
    ids.set(`Cụm ${c.number}`, network.id);
  }
  for (const [i, members] of CU_CHI_GROUPS.entries()) {
    const parent = CU_CHI_CLUSTERS.find((c) => members.every((m) => c.members.includes(m)));
    const group = await buildNetwork(ctx.db, {
      ...common,
      kind: 'school_group',
      name: groupName(i),
      memberOrgIds: members.map(school),
      leadOrgId: school(members[0]),
      parentNetworkId: parent ? clusterIds.get(parent.number) : null,
      leaders: [{ personId: principal(members[0]), role: 'leader' }],
      description: formed
        ? `Nhóm sinh hoạt chuyên môn liên trường (Hướng dẫn 1671/HD-PGDĐT-THCS); 2 lần/học kỳ do trường nhóm trưởng chủ trì.`
        : KEPT,
    });
    ids.set(`Nhóm ${i + 1}`, group.id);
  }
  ctx.counts.networks += CU_CHI_CLUSTERS.length + CU_CHI_GROUPS.length;
  return ids;
}
