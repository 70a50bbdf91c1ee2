/**
 * Dates as Vietnamese documents write them. Timestamps are read in Vietnam's time zone (UTC+7).
 * Nghị định 30/2020 (Phụ lục I): days below 10 and the months 1 and 2 take a leading zero.
 */

const VN_OFFSET_MS = 7 * 3_600_000;

/** The local (UTC+7) calendar parts of a timestamp, or of an ISO date (YYYY-MM-DD) taken as is. */
export function vnParts(value: Date | string): { year: number; month: number; day: number; hour: number; minute: number } {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-').map(Number);
    return { year, month, day, hour: 0, minute: 0 };
  }
  const d = new Date(new Date(value).getTime() + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "ngày 13 tháng 9 năm 2024" (and "ngày 05 tháng 02 năm 2025"), the form used in the text of documents. */
export function vnLongDate(value: Date | string): string {
  const { year, month, day } = vnParts(value);
  const m = month <= 2 ? pad(month) : String(month);
  return `ngày ${pad(day)} tháng ${m} năm ${year}`;
}

/** "13/09/2024", the form used in tables. */
export function vnShortDate(value: Date | string): string {
  const { year, month, day } = vnParts(value);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** "7h30" (or "14h00"), the time of day as schedules write it. */
export function vnTime(value: Date | string): string {
  const { hour, minute } = vnParts(value);
  return `${hour}h${pad(minute)}`;
}

/** "7 giờ 30", the time of day in running text. */
export function vnTimeLong(value: Date | string): string {
  const { hour, minute } = vnParts(value);
  return `${hour} giờ ${pad(minute)}`;
}

/** The local calendar date of a timestamp as a UTC-midnight Date, for spreadsheet cells that hold real dates. */
export function vnDateCell(value: Date | string): Date {
  const { year, month, day } = vnParts(value);
  return new Date(Date.UTC(year, month - 1, day));
}

/** "Học kỳ I" / "Học kỳ II". */
export function termLabel(term: number): string {
  return term === 2 ? 'Học kỳ II' : 'Học kỳ I';
}

/** "2024-2025" → "2024 - 2025" as official documents write a school year. */
export function schoolYearLabel(code: string): string {
  return code.replace(/\s*-\s*/, ' - ');
}
