import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** How dates are shown in tables and inputs: 13/09/2024. */
export const DATE_FORMAT = 'DD/MM/YYYY';
const ACCEPTED_INPUT = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'D-M-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD'];

/** An ISO date (YYYY-MM-DD or a timestamp) shown as 13/09/2024; empty for no date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value.length === 10 ? value : new Date(value));
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** A timestamp shown as 13/09/2024 07:30. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(new Date(value));
  return d.isValid() ? d.format(`${DATE_FORMAT} HH:mm`) : value;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** Parses what a person typed in a date input (13/09/2024, 13-9-2024, 2024-09-13) to YYYY-MM-DD, or null. */
export function parseUserDate(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const d = dayjs(text, ACCEPTED_INPUT, true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}
