import type { ImportJob } from '../../../shared/types';

export type RowError = ImportJob['errors'][number];

/** Collects row errors; each message names the row and the column in Vietnamese. */
export class Problems {
  readonly list: RowError[] = [];

  /** Adds "Dòng 7, cột «Email»: <message>". */
  add(row: number, column: string, message: string): void {
    this.list.push({ row, field: column, message: `Dòng ${row}, cột «${column}»: ${message}` });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]{2,}$/;

/** True for a plausible e-mail address. */
export function isEmail(s: string): boolean {
  return s.length <= 200 && EMAIL.test(s);
}

/** A phone number cleaned of spaces and dots, with the leading 0 Excel drops from numeric cells; null if invalid. */
export function cleanPhone(s: string): string | null {
  const t = s.replace(/[\s.]/g, '');
  if (!/^\+?[0-9()-]{8,15}$/.test(t)) return null;
  return /^[1-9]\d{8,9}$/.test(t) ? `0${t}` : t;
}

/** A dd/mm/yyyy (or yyyy-mm-dd) date as ISO yyyy-mm-dd, or null if it is not a real date. */
export function parseViDate(s: string): string | null {
  let m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  let d: number;
  let mo: number;
  let y: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The phone to store: the file's (already cleaned), unless the stored one is the same number written differently. */
export function keepPhone(file: string | null, stored: string | null | undefined): string | null {
  if (!file) return stored ?? null;
  return stored && cleanPhone(stored) === file ? stored : file;
}
