import { z } from 'zod';
import { SCHOOL_LEVELS, type SchoolLevel } from './enums';

/** Request schemas and response types of the province programme (seed 002 Phụ lục I: assignments). */

/** A month as "2023-12" (stored as its first day). */
export const monthField = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng năm-tháng, ví dụ 2023-12');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A province-level meeting assigned to a unit, level, subject and month. */
export const assignmentInput = z.object({
  schoolYearId: z.uuid(),
  level: z.enum(SCHOOL_LEVELS),
  unitOrgId: z.uuid(),
  subjectId: z.uuid(),
  grade: z.number().int().min(1, 'Khối lớp phải từ 1 đến 12').max(12, 'Khối lớp phải từ 1 đến 12').nullish(),
  month: monthField,
  notes: optionalText(2000),
});
export type AssignmentInput = z.input<typeof assignmentInput>;

/** Filter of the assignments list. */
export const assignmentsQuery = z.object({
  schoolYearId: z.uuid().optional(),
  provinceOrgId: z.uuid().optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
  month: monthField.optional(),
  unitOrgId: z.uuid().optional(),
});
export type AssignmentsQuery = z.infer<typeof assignmentsQuery>;

/** Links the meeting that fulfils an assignment (null unlinks). */
export const assignmentLinkInput = z.object({ meetingId: z.uuid().nullable() });

/** Creates a draft meeting of the unit prefilled from the assignment, on a day of the assigned month. */
export const assignmentMeetingInput = z.object({ date: z.iso.date().optional() });

export const ASSIGNMENT_STATUSES = ['not_scheduled', 'scheduled', 'held', 'overdue'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** One assignment as the API returns it. */
export interface AssignmentView {
  id: string;
  provinceOrgId: string;
  provinceName: string;
  schoolYearId: string;
  schoolYearCode: string;
  level: SchoolLevel;
  unitOrgId: string;
  unitName: string;
  subjectId: string;
  subjectName: string;
  grade: number | null;
  /** "2023-12" */
  month: string;
  notes: string | null;
  meeting: { id: string; title: string; startsAt: string; status: string } | null;
  status: AssignmentStatus;
  /** Plan and preparation report due one week before the meeting (seed 002 §III.2): set once a meeting is linked. */
  dueDate: string | null;
  can: { edit: boolean; link: boolean };
}

/** A meeting the unit may link to an assignment. */
export interface LinkableMeeting {
  id: string;
  title: string;
  startsAt: string;
  status: string;
  hostName: string;
}

/** What the programme page needs to show its buttons. */
export interface ProgrammeCan {
  /** Province departments where the actor writes assignments and inspections. */
  provinces: Array<{ id: string; name: string }>;
}
