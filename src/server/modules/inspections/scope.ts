import type { Executor } from '../../db/client';
import * as orgsRepo from '../orgs/repo';
import { dayInYear } from '../programme/dates';
import type { InspectionScope } from './policy';
import * as repo from './repo';

/** The policy scope of each inspection row: unit chain, or the network's member and lead chains and leaders. */
export async function scopesOf(
  db: Executor,
  rows: Array<{ provinceOrgId: string; unitOrgId: string | null; networkId: string | null; yearStart: string; yearEnd: string }>,
): Promise<InspectionScope[]> {
  return Promise.all(
    rows.map(async (r) => {
      const day = dayInYear({ startDate: r.yearStart, endDate: r.yearEnd });
      if (r.unitOrgId)
        return { provinceOrgId: r.provinceOrgId, targetChains: [await orgsRepo.ancestorChain(db, r.unitOrgId, day)], leaderIds: [] };
      const n = r.networkId ? await repo.networkFacts(db, r.networkId) : undefined;
      if (!n) return { provinceOrgId: r.provinceOrgId, targetChains: [], leaderIds: [] };
      const ids = [...n.memberIds, ...(n.leadOrgId ? [n.leadOrgId] : [])];
      const chains = await orgsRepo.ancestorChains(db, ids, day);
      return { provinceOrgId: r.provinceOrgId, targetChains: ids.map((id) => chains.get(id) ?? [id]), leaderIds: n.leaderIds };
    }),
  );
}

/** The province department in a chain of orgs, if any. */
export async function provinceIn(db: Executor, chain: string[]): Promise<string | undefined> {
  const orgs = await orgsRepo.summaries(db, chain);
  return orgs.find((o) => o.type === 'province_department')?.id;
}
