import ExcelJS from 'exceljs';
import { fieldError } from '../../lib/errors';
import { type ColumnSpec, norm } from './columns';

/** Most data rows one file may hold. */
export const MAX_ROWS = 20_000;

/** One data row: its spreadsheet row number (header = 1) and its cells by column key (trimmed, '' when empty). */
export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

/** Parses CSV text (RFC 4180 quotes, ',' or ';' separator guessed from the header line) into rows of cells. */
export function parseCsv(text: string): string[][] {
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
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
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

/** Reads the first worksheet of an XLSX file into rows of cells, keeping spreadsheet row numbers. */
export async function readXlsx(buffer: Buffer, fileName: string): Promise<Array<{ row: number; cells: string[] }>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fieldError('file', `Tệp «${fileName}» không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('file', `Tệp «${fileName}» không có trang tính nào`);
  const out: Array<{ row: number; cells: string[] }> = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = cellText(c.value);
    });
    out.push({ row: rowNumber, cells: Array.from(cells, (x) => x ?? '') });
  });
  return out;
}

/** Decodes CSV bytes as UTF-8 (BOM optional); refuses binary or non-UTF-8 content. */
export function decodeCsv(buffer: Buffer, fileName: string): Array<{ row: number; cells: string[] }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw fieldError('file', `Tệp «${fileName}» không phải văn bản UTF-8; hãy lưu lại dưới dạng «CSV UTF-8»`);
  }
  if (text.includes('\u0000')) throw fieldError('file', `Tệp «${fileName}» không phải tệp CSV hợp lệ`);
  return parseCsv(text).map((cells, i) => ({ row: i + 1, cells }));
}

/** Checks the extension and the content, then reads the file into raw rows. */
export async function readFile(fileName: string, buffer: Buffer): Promise<Array<{ row: number; cells: string[] }>> {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const isZip = buffer.length >= 4 && buffer.readUInt32BE(0) === 0x504b0304;
  if (ext === 'xlsx') {
    if (!isZip) throw fieldError('file', `Tệp «${fileName}» không phải tệp Excel (.xlsx) thật: nội dung không đúng định dạng`);
    return readXlsx(buffer, fileName);
  }
  if (ext === 'csv') {
    if (isZip) throw fieldError('file', `Tệp «${fileName}» có nội dung của tệp Excel; hãy đổi đuôi thành .xlsx`);
    return decodeCsv(buffer, fileName);
  }
  throw fieldError('file', `Tệp «${fileName}» không được hỗ trợ: chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)`);
}

/** Maps the header row to column keys, drops empty rows and refuses files without required columns or with too many rows. */
export function toSheetRows(raw: Array<{ row: number; cells: string[] }>, columns: readonly ColumnSpec[], fileName: string): SheetRow[] {
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
  if (rows.length > MAX_ROWS) {
    throw fieldError(
      'file',
      `Tệp «${fileName}» có ${rows.length.toLocaleString('vi-VN')} dòng, vượt quá giới hạn ${MAX_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập`,
    );
  }
  return rows;
}
