import type { Executor } from '../../db/client';
import * as orgsRepo from '../orgs/repo';
import * as repo from './repo';

/** Helpers that turn org and position rows into the words official documents use. */

export interface ChainOrg {
  id: string;
  name: string;
  type: string;
}

/** The org and its ancestors on a date, org first, with names and types. */
export async function chainOrgs(db: Executor, orgId: string, date: string): Promise<ChainOrg[]> {
  const ids = await orgsRepo.ancestorChain(db, orgId, date);
  const rows = new Map((await repo.orgsByIds(db, ids)).map((o) => [o.id, o]));
  return ids.map((id) => rows.get(id)).filter((o): o is NonNullable<typeof o> => !!o);
}

/** The nearest district office or commune of a chain, else its province department. */
export function nearestOffice(chain: ChainOrg[]): ChainOrg | undefined {
  return chain.find((o) => o.type === 'district_office' || o.type === 'commune') ?? chain.find((o) => o.type === 'province_department');
}

const POSITION_TITLES: Record<string, string> = {
  principal: 'Hiệu trưởng',
  vice_principal: 'Phó Hiệu trưởng',
  team_head: 'Tổ trưởng',
  team_deputy: 'Tổ phó',
  teacher: 'Giáo viên',
  office_leader: 'Lãnh đạo',
  specialist: 'Chuyên viên',
};

/** Per person, their unit (school, or the school of their team, or their office) and their main title. */
export async function unitsAndTitles(db: Executor, personIds: string[], date: string) {
  const rows = await repo.positionsOn(db, [...new Set(personIds)], date);
  const out = new Map<string, { unit: string | null; title: string | null }>();
  for (const r of rows) {
    if (out.has(r.personId)) continue;
    const unit = r.orgType === 'team' ? (r.parentName ?? r.orgName) : r.orgName;
    const title = POSITION_TITLES[r.position] ? `${POSITION_TITLES[r.position]} ${r.orgName}` : null;
    out.set(r.personId, { unit, title });
  }
  return out;
}

/** True when the title is one of a school manager (to print it under the signature). */
export function isManagerTitle(title: string | null | undefined): boolean {
  return !!title && /^(Phó )?Hiệu trưởng /.test(title);
}

/** A date clamped into a period (ISO strings): today inside the period, else its nearest end. */
export function clampDate(today: string, from: string, to: string): string {
  if (today < from) return from;
  if (today > to) return to;
  return today;
}
