import type { SchoolLevel } from './enums';

/** The school level a grade belongs to (GDPT 2018): 1–5 tiểu học, 6–9 THCS, 10–12 THPT. */
export function gradeLevel(grade: number): SchoolLevel {
  if (grade <= 5) return 'primary';
  return grade <= 9 ? 'lower_secondary' : 'upper_secondary';
}

/**
 * Subjects taught at some levels only (GDPT 2018), by subject code; a subject not listed (Toán, Tiếng Anh, Tin học,
 * Công nghệ, arts, PE, HĐTN) is taught at every level and tells nothing about the level of whoever teaches it.
 */
export const SUBJECT_LEVELS: Readonly<Record<string, readonly SchoolLevel[]>> = {
  'tieng-viet': ['primary'],
  'dao-duc': ['primary'],
  tnxh: ['primary'],
  'khoa-hoc': ['primary'],
  'lich-su-dia-li': ['primary', 'lower_secondary'],
  'ngu-van': ['lower_secondary', 'upper_secondary'],
  khtn: ['lower_secondary'],
  gdcd: ['lower_secondary'],
  'vat-li': ['upper_secondary'],
  'hoa-hoc': ['upper_secondary'],
  'sinh-hoc': ['upper_secondary'],
  'lich-su': ['upper_secondary'],
  'dia-li': ['upper_secondary'],
  gdktpl: ['upper_secondary'],
  'gdqp-an': ['upper_secondary'],
};

/** A whole word or phrase (letters with diacritics count as letters: "th" is not found in "thể dục"). */
const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${w})(?![\\p{L}\\p{N}])`, 'u');
const NAME_HINTS: ReadonlyArray<[SchoolLevel, RegExp]> = [
  ['preschool', word('mầm non')],
  ['primary', word('tiểu học|th|khối\\s*[1-5]|lớp\\s*[1-5]')],
  ['lower_secondary', word('thcs|khối\\s*[6-9]')],
  ['upper_secondary', word('thpt|khối\\s*1[0-2]')],
];

/** Levels a team's name names: "Tổ Toán - Tin THCS", "Tổ Tiểu học", "Tổ khối 3" (a primary grade team). */
export function levelsInName(name: string): SchoolLevel[] {
  const n = name.normalize('NFC').toLowerCase();
  return NAME_HINTS.filter(([, re]) => re.test(n)).map(([level]) => level);
}

/** The facts the levels a person teaches in one position are read from. */
export interface TeachingFacts {
  /** Levels stated on the person (import or editing); empty = not stated. */
  stated: readonly SchoolLevel[];
  /** Levels of the school the position is in (the team's school for a team); empty when unknown. */
  schoolLevels: readonly SchoolLevel[];
  /** For a position in a team: the team's own levels and name. */
  team: { levels: readonly SchoolLevel[]; name: string } | null;
  /** Codes of the subjects the person teaches, then those of their team. */
  subjectCodes: readonly string[];
  teamSubjectCodes: readonly string[];
}

const within = (levels: readonly SchoolLevel[], school: readonly SchoolLevel[]) =>
  school.length === 0 ? [...levels] : levels.filter((l) => school.includes(l));

function bySubjects(codes: readonly string[], school: readonly SchoolLevel[]): SchoolLevel[] {
  const hinted = codes.flatMap((c) => SUBJECT_LEVELS[c] ?? []);
  const found = within([...new Set(hinted)], school);
  // A hint that covers every level of the school tells nothing.
  return found.length > 0 && (school.length === 0 || found.length < school.length) ? found : [];
}

/**
 * The levels a person teaches in one position, or null when the app cannot tell: what is stated on the person; else
 * the team's own levels; else the school's only level; else, in a combined school (TH-THCS, THCS-THPT), a level the
 * team's name names, then one the person's subjects (or the team's) belong to.
 */
export function teachingLevels(f: TeachingFacts): SchoolLevel[] | null {
  if (f.stated.length > 0) return [...f.stated];
  const school = f.schoolLevels;
  if (f.team && f.team.levels.length > 0) return [...f.team.levels];
  if (school.length === 1) return [...school];
  const named = f.team ? within(levelsInName(f.team.name), school) : [];
  if (named.length > 0) return named;
  const own = bySubjects(f.subjectCodes, school);
  if (own.length > 0) return own;
  const team = bySubjects(f.teamSubjectCodes, school);
  return team.length > 0 ? team : null;
}
