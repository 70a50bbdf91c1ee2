import type { Executor } from '../../db/client';
import { dayBefore, viDate } from '../../lib/format';
import * as orgsRepo from '../orgs/repo';
import { ORG_COLUMNS } from './columns';
import type { OrgRow, Stored } from './orgsCheck';
import type { Problems } from './problems';

/** The validity columns of the orgs import (issue 16, point 1): the checks of rows that end an org or move it. */
const H = Object.fromEntries(ORG_COLUMNS.map((c) => [c.key, c.header])) as Record<string, string>;

/** Rows that end an org: the dates in order with what is stored, and its open link (if kept) not starting after. */
export function checkEnding(r: OrgRow, s: Stored, keptLink: { validFrom: string } | undefined | null, p: Problems) {
  const from = r.validFrom ?? s.validFrom;
  const to = r.validTo ?? s.validTo;
  if (from && to && to < from) p.add(r.row, r.validTo ? H.validTo : H.validFrom, 'ngày kết thúc hiệu lực phải sau ngày bắt đầu hiệu lực');
  else if (r.validTo && r.validTo !== s.validTo && keptLink && keptLink.validFrom > r.validTo)
    p.add(r.row, H.validTo, `phải từ ${viDate(keptLink.validFrom)}, ngày bắt đầu trực thuộc hiện tại`);
  else if (r.validTo && r.linkFrom && r.parentCode && r.linkFrom > r.validTo && !keptLink)
    p.add(r.row, H.linkFrom, 'đơn vị đã hết hiệu lực trước ngày này');
}

/** For moves dated in the past, each moved org's chain on the day before the move, by that day. */
export async function chainsBeforeMoves(db: Executor, rows: OrgRow[], storedRows: Stored[], today: string) {
  const idByCode = new Map(storedRows.map((o) => [o.code.toLowerCase(), o.id]));
  const byDay = new Map<string, string[]>();
  for (const r of rows) {
    const id = idByCode.get(r.code.toLowerCase());
    if (!id || !r.parentCode || !r.linkFrom || r.linkFrom > today) continue;
    const day = dayBefore(r.linkFrom);
    byDay.set(day, [...(byDay.get(day) ?? []), id]);
  }
  const out = new Map<string, Map<string, string[]>>();
  for (const [day, ids] of byDay) out.set(day, await orgsRepo.ancestorChains(db, ids, day));
  return out;
}
