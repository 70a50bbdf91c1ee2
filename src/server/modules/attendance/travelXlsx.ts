import type { Writable } from 'node:stream';
import { writeSheetXlsx } from '../../lib/documents/xlsxStream';
import type { TravelRow } from './repo';

// Only types from the repo: the writer loads no database code, so the documents benchmark measures it alone.

const STATUS_VI = { present: 'Có mặt', late: 'Đến muộn', excused: 'Vắng có phép', absent: 'Vắng' } as const;

const COLUMNS = [
  { header: 'TT', width: 6 },
  { header: 'Họ và tên', width: 28 },
  { header: 'Đơn vị', width: 32 },
  { header: 'Buổi sinh hoạt', width: 40 },
  { header: 'Ngày', width: 12 },
  { header: 'Đơn vị tổ chức', width: 32 },
  { header: 'Điểm cầu', width: 28 },
  { header: 'Tình trạng', width: 14 },
];

function ddmmyyyy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * Writes the travel-allowance sheet (bold header, then one numbered row per attendance) from batches of rows into
 * `out`, and ends it. The batches are pulled only as fast as `out` drains; if `out` closes first the writer stops,
 * returns the batches' iterator and rejects with OutputClosedError.
 */
export async function writeTravelXlsx(out: Writable, batches: AsyncIterable<readonly TravelRow[]>): Promise<void> {
  let n = 0;
  await writeSheetXlsx(out, {
    name: 'Công tác phí',
    columns: COLUMNS,
    batches,
    cells: (r) => [++n, r.fullName, r.unitName, r.meetingTitle, ddmmyyyy(r.startsAt), r.hostName, r.venueName, STATUS_VI[r.status]],
  });
}
