import type { Config } from '../../config';
import { AppError } from '../../lib/errors';

/** Hard limits on one import file, checked while it is read (decision 0023). */
export interface ImportLimits {
  /** Data rows (the header row and empty rows not counted). */
  rows: number;
  /** Cells in one row, empty ones between filled ones included. */
  columns: number;
  /** Cells in the whole sheet, header included. */
  cells: number;
  /** Decompressed bytes of all entries of an XLSX zip (CSV: the file itself). */
  unzippedBytes: number;
  /** Decompressed bytes of the XLSX shared-strings part (kept in memory while the sheet is read). */
  sharedStringsBytes: number;
}

/** The limits set by the configuration. */
export function limitsOf(config: Config): ImportLimits {
  return {
    rows: config.importMaxRows,
    columns: config.importMaxColumns,
    cells: config.importMaxCells,
    unzippedBytes: config.importMaxUnzippedBytes,
    sharedStringsBytes: config.importMaxSharedStringsBytes,
  };
}

/** Which limit a file went over. */
export type LimitKind = keyof ImportLimits;

function count(n: number): string {
  return n.toLocaleString('vi-VN');
}

function size(bytes: number, lang: 'vi' | 'en'): string {
  const mb = bytes / 1_048_576;
  if (mb >= 1) return `${mb.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The Vietnamese and English wording of one limit ("50.000 dòng dữ liệu", "64 MB dữ liệu sau khi giải nén"). */
export function describeLimit(kind: LimitKind, limits: ImportLimits): { vi: string; en: string } {
  const n = limits[kind];
  switch (kind) {
    case 'rows':
      return { vi: `${count(n)} dòng dữ liệu`, en: `${n} data rows` };
    case 'columns':
      return { vi: `${count(n)} ô mỗi dòng`, en: `${n} cells per row` };
    case 'cells':
      return { vi: `${count(n)} ô dữ liệu`, en: `${n} cells` };
    case 'unzippedBytes':
      return { vi: `${size(n, 'vi')} dữ liệu sau khi giải nén`, en: `${size(n, 'en')} of decompressed data` };
    case 'sharedStringsBytes':
      return { vi: `${size(n, 'vi')} chuỗi dùng chung (sharedStrings)`, en: `${size(n, 'en')} of shared strings` };
  }
}

/** The 413 refusal of a file over a limit worded `vi` / `en`, naming the file (field «file»). */
export function refusal(fileName: string, vi: string, en: string): AppError {
  const message = `Tệp «${fileName}» vượt quá giới hạn ${vi} mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn`;
  return new AppError('IMPORT_LIMIT', { params: { file: fileName, limit: vi, limitEn: en }, fields: [{ field: 'file', message }] });
}

/** The 413 refusal of a file over one of its limits. */
export function limitError(fileName: string, kind: LimitKind, limits: ImportLimits): AppError {
  const { vi, en } = describeLimit(kind, limits);
  return refusal(fileName, vi, en);
}

/** Thrown inside the parser when a limit is reached; turned into limitError by the caller. */
export class LimitReached extends Error {
  constructor(readonly kind: LimitKind) {
    super(`import limit reached: ${kind}`);
  }
}

/** Counts rows and cells as they are read; throws LimitReached at the first one over a limit. */
export class RowCounter {
  private rows = 0;
  private cells = 0;
  private headerSeen = false;

  constructor(private readonly limits: ImportLimits) {}

  /** Counts one non-empty row of `width` cells (the first one is the header row). */
  add(width: number): void {
    if (width > this.limits.columns) throw new LimitReached('columns');
    this.cells += width;
    if (this.cells > this.limits.cells) throw new LimitReached('cells');
    if (!this.headerSeen) {
      this.headerSeen = true;
      return;
    }
    this.rows++;
    if (this.rows > this.limits.rows) throw new LimitReached('rows');
  }
}
