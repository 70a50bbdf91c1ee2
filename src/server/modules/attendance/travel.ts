import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/client';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import * as repo from './repo';

const STATUS_VI = { present: 'Có mặt', late: 'Đến muộn', excused: 'Vắng có phép', absent: 'Vắng' } as const;

/** Travel-allowance export: office staff above the org and the org's own managers (principals). */
export function canExportTravel(actor: Actor, orgChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, orgChain), 'school');
}

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Who attended meetings hosted in the org's subtree between two dates (person, unit, meeting, date, host, venue,
 * status), as an XLSX written by exceljs's streaming writer. Rows are read before the stream starts, so a refusal
 * is still a clean 4xx.
 */
export async function travelWorkbook(db: Executor, actor: Actor, q: { from: string; to: string; orgId: string }): Promise<Readable> {
  if (q.to < q.from) throw fieldError('to', 'Ngày kết thúc phải sau ngày bắt đầu');
  const today = todayIso();
  const org = await orgsRepo.findById(db, q.orgId);
  if (!org) throw notFound('đơn vị');
  if (!canExportTravel(actor, await orgsRepo.ancestorChain(db, q.orgId, today))) throw new AppError('FORBIDDEN');
  const hostIds = await orgsRepo.subtreeIds(db, [q.orgId], today);
  const rows = await repo.travelRows(db, hostIds, q.from, q.to, today);

  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Công tác phí');
  ws.columns = [
    { header: 'TT', key: 'n', width: 6 },
    { header: 'Họ và tên', key: 'fullName', width: 28 },
    { header: 'Đơn vị', key: 'unitName', width: 32 },
    { header: 'Buổi sinh hoạt', key: 'meetingTitle', width: 40 },
    { header: 'Ngày', key: 'date', width: 12 },
    { header: 'Đơn vị tổ chức', key: 'hostName', width: 32 },
    { header: 'Điểm cầu', key: 'venueName', width: 28 },
    { header: 'Tình trạng', key: 'status', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    rows.forEach((r, i) => {
      ws.addRow({
        n: i + 1,
        fullName: r.fullName,
        unitName: r.unitName ?? '',
        meetingTitle: r.meetingTitle,
        date: ddmmyyyy(r.startsAt),
        hostName: r.hostName,
        venueName: r.venueName ?? '',
        status: STATUS_VI[r.status],
      }).commit();
    });
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e as Error));
  return out;
}
