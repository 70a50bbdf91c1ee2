/**
 * The rule presets taken from the seed documents, and the default calendar breaks of a school year.
 * Dates in presets are day/month; they are placed in the school year when a preset is applied.
 */

export type QuotaTargetName = 'cluster' | 'school_group' | 'district_group' | 'custom' | 'team';
export const QUOTA_TARGETS: readonly QuotaTargetName[] = ['cluster', 'school_group', 'district_group', 'custom', 'team'];
export const RULE_PRESETS = ['ben_tre', 'cu_chi', 'bac_giang'] as const;
export type RulePreset = (typeof RULE_PRESETS)[number];

export interface PresetSpec {
  quotas: { target: QuotaTargetName; per: 'term' | 'year'; minCount: number; perSubject: boolean }[];
  teamIntervalDays: number;
  /** [month, day] in the school year (September–December in its first calendar year, else the second). */
  planDue: [number, number] | null;
  preparationDaysBefore: number | null;
  term1ReportDue: [number, number] | null;
  yearReportDue: [number, number] | null;
  dossierDaysBefore: number | null;
}

/** Seed 000 (Bến Tre), seed 001 (Củ Chi), seed 002 (Bắc Giang). */
export const PRESETS: Record<RulePreset, PresetSpec> = {
  ben_tre: {
    quotas: [{ target: 'district_group', per: 'year', minCount: 2, perSubject: false }],
    teamIntervalDays: 14,
    planDue: null,
    preparationDaysBefore: null,
    term1ReportDue: null,
    yearReportDue: null,
    dossierDaysBefore: null,
  },
  cu_chi: {
    quotas: [
      { target: 'cluster', per: 'term', minCount: 1, perSubject: false },
      // seed 001 §3–4: the school group meets 2 times a term "theo từng bộ môn", replacing each team's own meeting
      { target: 'school_group', per: 'term', minCount: 2, perSubject: true },
    ],
    teamIntervalDays: 14,
    planDue: null,
    preparationDaysBefore: null,
    term1ReportDue: [12, 20],
    yearReportDue: [5, 16],
    dossierDaysBefore: null,
  },
  bac_giang: {
    quotas: [],
    teamIntervalDays: 14,
    planDue: [9, 15],
    preparationDaysBefore: 7,
    term1ReportDue: null,
    yearReportDue: null,
    dossierDaysBefore: null,
  },
};

/** The document each preset was taken from, as a form's footnote cites it (seeds 000, 001, 002). */
export const PRESET_GUIDANCE: Record<RulePreset, string> = {
  ben_tre: 'Công văn của Sở GD&ĐT Bến Tre về triển khai sinh hoạt chuyên môn liên trường cấp THCS - THPT năm học 2022 - 2023',
  cu_chi:
    'Hướng dẫn số 1671/HD-PGDĐT-THCS ngày 13/9/2024 của Phòng GD&ĐT huyện Củ Chi về sinh hoạt cụm chuyên môn và sinh hoạt chuyên môn liên trường',
  bac_giang: 'Kế hoạch số 73/KH-SGDĐT ngày 31/8/2023 của Sở GD&ĐT Bắc Giang',
};

/** The ISO date of a day/month inside a school year that starts in `startYear` (months 8–12 fall in startYear). */
export function dateInYear(startYear: number, [month, day]: [number, number]): string {
  const y = month >= 8 ? startYear : startYear + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First day of Tết (lunar new year) by Gregorian year. */
const TET: Record<number, string> = {
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
};

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday on or before an ISO date. */
function mondayOf(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((dow + 6) % 7));
}

/** The middle day of a date range. */
function middle(start: string, end: string): string {
  const ms = (Date.parse(`${start}T00:00:00Z`) + Date.parse(`${end}T00:00:00Z`)) / 2;
  return new Date(ms).toISOString().slice(0, 10);
}

export interface BreakSpec {
  startDate: string;
  endDate: string;
  label: string;
  kind: 'holiday' | 'exam';
}

/**
 * Sensible breaks for a school year, for the office to edit: the Tết holiday (from 6 days before to 6 days after the
 * first day of Tết), a mid-term exam week in each term (the week holding the term's middle day) and the end-of-term
 * exams (the last two weeks of each term).
 */
export function defaultBreaks(startYear: number, terms: { number: number; startDate: string; endDate: string }[]): BreakSpec[] {
  const out: BreakSpec[] = [];
  for (const t of terms) {
    const roman = t.number === 1 ? 'I' : 'II';
    const mid = mondayOf(middle(t.startDate, t.endDate));
    out.push({ startDate: mid, endDate: addDays(mid, 6), label: `Kiểm tra giữa học kỳ ${roman}`, kind: 'exam' });
    out.push({ startDate: addDays(t.endDate, -13), endDate: t.endDate, label: `Kiểm tra cuối học kỳ ${roman}`, kind: 'exam' });
  }
  const tet = TET[startYear + 1];
  if (tet) out.push({ startDate: addDays(tet, -6), endDate: addDays(tet, 6), label: 'Nghỉ Tết Nguyên đán', kind: 'holiday' });
  return out.sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** The form values of a preset for a school year (dates placed in it, default breaks added). */
export function presetInput(
  preset: RulePreset,
  year: { startDate: string; terms: { number: number; startDate: string; endDate: string }[] },
) {
  const spec = PRESETS[preset];
  const startYear = Number(year.startDate.slice(0, 4));
  const at = (d: [number, number] | null) => (d ? dateInYear(startYear, d) : null);
  return {
    preset,
    quotas: spec.quotas.map((q) => ({ ...q })),
    teamIntervalDays: spec.teamIntervalDays,
    planDueDate: at(spec.planDue),
    preparationDaysBefore: spec.preparationDaysBefore,
    term1ReportDue: at(spec.term1ReportDue),
    yearReportDue: at(spec.yearReportDue),
    dossierDaysBefore: spec.dossierDaysBefore,
    breaks: defaultBreaks(startYear, year.terms),
  };
}
