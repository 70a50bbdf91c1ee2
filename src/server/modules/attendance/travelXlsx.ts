import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TravelRow } from './repo';

// Only types from the repo: the writer loads exceljs alone, so the documents benchmark measures it without the app.

const STATUS_VI = { present: 'Có mặt', late: 'Đến muộn', excused: 'Vắng có phép', absent: 'Vắng' } as const;

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A writable of Node's streams or of the `readable-stream` copy archiver uses (no `writableNeedDrain` there). */
interface Sink {
  on(event: 'drain' | 'close', f: () => void): unknown;
  off(event: 'drain' | 'close', f: () => void): unknown;
  destroyed?: boolean;
  _writableState?: { needDrain?: boolean };
}

/** Resolves once `w` has drained (or closed), at once if it needs no draining. */
function drained(w: Sink): Promise<void> {
  if (!w._writableState?.needDrain || w.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      w.off('drain', done);
      w.off('close', done);
      resolve();
    };
    w.on('drain', done);
    w.on('close', done);
  });
}

/**
 * The streams the sheet's XML is written into (the consumers of exceljs's StreamBuf, i.e. archiver's input for the
 * entry). exceljs writes into them without looking at their return value, so they would buffer the whole sheet.
 */
function sheetSinks(ws: ExcelJS.Worksheet): Sink[] {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((p): p is Sink => typeof p?.on === 'function' && typeof p?.off === 'function') : [];
}

/**
 * exceljs's stream writer takes rows as fast as they come and never pushes back, so every few rows the writer
 * yields to the event loop and waits until the zip entry's input and the output have drained: memory stays flat and
 * a slow reader slows the writer down.
 */
async function breathe(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (const sink of sheetSinks(ws)) await drained(sink);
  await drained(out as unknown as Sink);
}

const ROWS_PER_BREATH = 2000;

/** Writes the travel-allowance sheet (header, then one row per attendance, numbered) from batches of rows. */
export async function writeTravelXlsx(out: Writable, batches: AsyncIterable<readonly TravelRow[]>): Promise<void> {
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
  let n = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      ws.addRow({
        n: ++n,
        fullName: r.fullName,
        unitName: r.unitName ?? '',
        meetingTitle: r.meetingTitle,
        date: ddmmyyyy(r.startsAt),
        hostName: r.hostName,
        venueName: r.venueName ?? '',
        status: STATUS_VI[r.status],
      }).commit();
      if (n % ROWS_PER_BREATH === 0) await breathe(ws, out);
      if (out.destroyed) return;
    }
  }
  ws.commit();
  await wb.commit();
}
