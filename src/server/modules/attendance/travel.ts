import { PassThrough, type Readable } from 'node:stream';
import type { Executor } from '../../db/client';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import * as repo from './repo';
import { writeTravelXlsx } from './travelXlsx';

/** Travel-allowance export: office staff above the org and the org's own managers (principals). */
export function canExportTravel(actor: Actor, orgChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, orgChain), 'school');
}

/**
 * Who attended meetings hosted in the org's subtree between two dates (person, unit, meeting, date, host, venue,
 * status), as an XLSX written by exceljs's streaming writer. The checks run before the stream starts, so a refusal
 * is still a clean 4xx; the rows are then read a page of meetings at a time while the file is written.
 */
export async function travelWorkbook(db: Executor, actor: Actor, q: { from: string; to: string; orgId: string }): Promise<Readable> {
  if (q.to < q.from) throw fieldError('to', 'Ngày kết thúc phải sau ngày bắt đầu');
  const today = todayIso();
  const org = await orgsRepo.findById(db, q.orgId);
  if (!org) throw notFound('đơn vị');
  if (!canExportTravel(actor, await orgsRepo.ancestorChain(db, q.orgId, today))) throw new AppError('FORBIDDEN');
  const hostIds = await orgsRepo.subtreeIds(db, [q.orgId], today);
  const out = new PassThrough();
  writeTravelXlsx(out, travelBatches(db, hostIds, q, today)).catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/** The export's rows, one keyset page of meetings at a time, so memory stays flat however long the range. */
export async function* travelBatches(
  db: Executor,
  hostOrgIds: string[],
  range: { from: string; to: string },
  date: string,
  meetingsPerPage = 500,
): AsyncGenerator<repo.TravelRow[]> {
  let after: repo.MeetingCursor | null = null;
  for (;;) {
    const page = await repo.travelMeetingsPage(db, hostOrgIds, range, after, meetingsPerPage);
    if (page.length === 0) return;
    const rows = await repo.travelRowsOf(
      db,
      page.map((m) => m.id),
      date,
    );
    if (rows.length) yield rows;
    if (page.length < meetingsPerPage) return;
    after = page[page.length - 1];
  }
}
