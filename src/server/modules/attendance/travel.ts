import { PassThrough, type Readable } from 'node:stream';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { authorize } from './policy';
import * as repo from './repo';
import { writeTravelXlsx } from './travelXlsx';

/**
 * Who attended meetings hosted in the org's subtree between two dates (person, unit, meeting, date, host, venue,
 * status), as a streamed XLSX (writeTravelXlsx). The checks run before the stream starts, so a refusal is still a
 * clean 4xx; the rows are then read a page of meetings at a time, only as fast as the client takes the file, and the
 * reading stops when the client goes away (Fastify destroys the stream, the writer returns the pages' generator).
 */
export async function travelWorkbook(db: Executor, actor: Actor, q: { from: string; to: string; orgId: string }): Promise<Readable> {
  if (q.to < q.from) throw fieldError('to', 'Ngày kết thúc phải sau ngày bắt đầu');
  const today = todayIso();
  const org = await orgsRepo.findById(db, q.orgId);
  if (!org) throw notFound('đơn vị');
  authorize(actor, 'travel.export', { orgChain: await orgsRepo.ancestorChain(db, q.orgId, today) });
  const hostIds = await orgsRepo.subtreeIds(db, [q.orgId], today);
  const out = new PassThrough();
  writeTravelXlsx(out, travelBatches(db, hostIds, q, today)).catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/**
 * The export's rows, one keyset page of meetings at a time, so memory stays flat however long the range. The next
 * page is read while the caller writes the current one (the database and the writer work side by side); at most one
 * page is read ahead.
 */
export async function* travelBatches(
  db: Executor,
  hostOrgIds: string[],
  range: { from: string; to: string },
  date: string,
  meetingsPerPage = 500,
): AsyncGenerator<repo.TravelRow[]> {
  type Page = { page: repo.MeetingCursor[]; rows: repo.TravelRow[] };
  const read = async (after: repo.MeetingCursor | null): Promise<Page> => {
    const page = await repo.travelMeetingsPage(db, hostOrgIds, range, after, meetingsPerPage);
    const rows = await repo.travelRowsOf(
      db,
      page.map((m) => m.id),
      date,
    );
    return { page, rows };
  };
  /** Starts reading a page; a failure is thrown where the page is awaited, never reported as unhandled meanwhile. */
  const start = (after: repo.MeetingCursor | null): Promise<Page> => {
    const p = read(after);
    p.catch(() => {});
    return p;
  };
  let ahead: Promise<Page> | null = start(null);
  while (ahead) {
    const { page, rows }: Page = await ahead;
    ahead = page.length === meetingsPerPage ? start(page[page.length - 1]) : null;
    if (rows.length) yield rows;
  }
}
