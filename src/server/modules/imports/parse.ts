import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { fieldError } from '../../lib/errors';
import { type ColumnSpec, norm } from './columns';
import { type ImportLimits, LimitReached, RowCounter } from './limits';
import { checkZipSizes } from './zipScan';

/** One data row: its spreadsheet row number (header = 1) and its cells by column key (trimmed, '' when empty). */
export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

/**
 * Parses CSV text (RFC 4180 quotes, ',' or ';' separator guessed from the header line) into rows of cells; `onRow`
 * sees each row as it is read and may throw to stop there.
 */
export function parseCsv(text: string, onRow?: (cells: string[]) => void): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      onRow?.(row);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    onRow?.(row);
    rows.push(row);
  }
  return rows;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text of one exceljs cell value: dates as dd/mm/yyyy, rich text joined, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

/** One raw row of a sheet: its spreadsheet row number and its cells as text. */
export interface RawRow {
  row: number;
  cells: string[];
}

function blank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Streams the first worksheet of an XLSX file into rows of cells, keeping spreadsheet row numbers. The zip is first
 * inflated without keeping the output to count its real decompressed size (zipScan); then exceljs's streaming
 * reader reads the sheet, and rows and cells are counted as they come: the first one over a limit stops the read.
 */
export async function readXlsx(buffer: Buffer, fileName: string, limits: ImportLimits): Promise<RawRow[]> {
  try {
    checkZipSizes(buffer, limits);
  } catch (error) {
    if (error instanceof LimitReached) throw error;
    throw fieldError('file', `Tệp «${fileName}» không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng`);
  }
  const counter = new RowCounter(limits);
  const out: RawRow[] = [];
  let sheets = 0;
  try {
    // Loaded here, not at the top: a worker that reads only CSV files starts without it (it takes a second or two).
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      sheets++;
      for await (const r of ws) {
        const cells: string[] = [];
        r.eachCell({ includeEmpty: true }, (c, col) => {
          cells[col - 1] = cellText(c.value);
        });
        const row = Array.from(cells, (x) => x ?? '');
        if (blank(row)) continue;
        counter.add(row.length);
        out.push({ row: r.number, cells: row });
      }
      break;
    }
  } catch (error) {
    if (error instanceof LimitReached) throw error;
    throw fieldError('file', `Tệp «${fileName}» không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng`);
  }
  if (sheets === 0) throw fieldError('file', `Tệp «${fileName}» không có trang tính nào`);
  return out;
}

/** Decodes CSV bytes as UTF-8 (BOM optional) and parses them, counting rows and cells; refuses binary or non-UTF-8 content. */
export function decodeCsv(buffer: Buffer, fileName: string, limits: ImportLimits): RawRow[] {
  if (buffer.length > limits.unzippedBytes) throw new LimitReached('unzippedBytes');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw fieldError('file', `Tệp «${fileName}» không phải văn bản UTF-8; hãy lưu lại dưới dạng «CSV UTF-8»`);
  }
  if (text.includes('\u0000')) throw fieldError('file', `Tệp «${fileName}» không phải tệp CSV hợp lệ`);
  const counter = new RowCounter(limits);
  return parseCsv(text, (cells) => {
    if (!blank(cells)) counter.add(cells.length);
  }).map((cells, i) => ({ row: i + 1, cells }));
}

/** Checks the extension and the content, then reads the file into raw rows within the limits (LimitReached when over). */
export async function readFile(fileName: string, buffer: Buffer, limits: ImportLimits): Promise<RawRow[]> {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const isZip = buffer.length >= 4 && buffer.readUInt32BE(0) === 0x504b0304;
  if (ext === 'xlsx') {
    if (!isZip) throw fieldError('file', `Tệp «${fileName}» không phải tệp Excel (.xlsx) thật: nội dung không đúng định dạng`);
    return readXlsx(buffer, fileName, limits);
  }
  if (ext === 'csv') {
    if (isZip) throw fieldError('file', `Tệp «${fileName}» có nội dung của tệp Excel; hãy đổi đuôi thành .xlsx`);
    return decodeCsv(buffer, fileName, limits);
  }
  throw fieldError('file', `Tệp «${fileName}» không được hỗ trợ: chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)`);
}

/** Maps the header row to column keys, drops empty rows and refuses files without required columns. */
export function toSheetRows(raw: RawRow[], columns: readonly ColumnSpec[], fileName: string): SheetRow[] {
  const headerIdx = raw.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerIdx < 0) throw fieldError('file', `Tệp «${fileName}» không có dữ liệu`);
  const header = raw[headerIdx].cells.map((h) => norm(h.replace(/\*/g, '')));
  const positions = new Map<string, number>();
  for (const c of columns) {
    const i = header.indexOf(norm(c.header));
    if (i >= 0) positions.set(c.key, i);
  }
  const missing = columns.filter((c) => c.required && !positions.has(c.key)).map((c) => `«${c.header}»`);
  if (missing.length > 0) {
    throw fieldError('file', `Tệp «${fileName}» thiếu cột bắt buộc: ${missing.join(', ')}. Hãy dùng tệp mẫu để có đúng tiêu đề cột`);
  }
  const rows: SheetRow[] = [];
  for (const r of raw.slice(headerIdx + 1)) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const values: Record<string, string> = {};
    for (const c of columns) {
      const i = positions.get(c.key);
      values[c.key] = i === undefined ? '' : (r.cells[i] ?? '').trim();
    }
    rows.push({ row: r.row, values });
  }
  if (rows.length === 0) throw fieldError('file', `Tệp «${fileName}» không có dòng dữ liệu nào`);
  return rows;
}
