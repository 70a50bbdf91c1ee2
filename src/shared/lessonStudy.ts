import { z } from 'zod';

/**
 * Request schemas and response shapes of lesson study (lessonStudy) and classroom observation (observations).
 * Kept in their own file so the features built in parallel never collide in src/shared/schemas.ts.
 */

/** The four steps of a lesson study: design, teaching and observation, analysis, revised lesson plan. */
export const LESSON_STUDY_STEPS = [1, 2, 3, 4] as const;

/** Tags for the lesson's activity a note is about (mở đầu, hình thành kiến thức, luyện tập, vận dụng). */
export const OBSERVATION_TAGS = ['opening', 'knowledge', 'practice', 'application'] as const;
export type ObservationTag = (typeof OBSERVATION_TAGS)[number];

/** Largest observation photo accepted (bytes). */
export const PHOTO_MAX_BYTES = 5 * 1_048_576;

/** The seating map: rows × columns of desks, or named groups. */
export const seatLayoutInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grid'), rows: z.number().int().min(1).max(12), cols: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('groups'), groupNames: z.array(z.string().trim().min(1).max(40)).min(1).max(16) }),
]);
export type SeatLayout = z.infer<typeof seatLayoutInput>;

/** Seat ids of a layout: "r.c" (1-based) for a grid, "g1", "g2"… for groups. */
export function seatIds(layout: SeatLayout | null): string[] {
  if (!layout) return [];
  if (layout.kind === 'groups') return layout.groupNames.map((_, i) => `g${i + 1}`);
  const ids: string[] = [];
  for (let r = 1; r <= layout.rows; r++) for (let c = 1; c <= layout.cols; c++) ids.push(`${r}.${c}`);
  return ids;
}

/** A seat's label for people: "Dãy 2 – bàn 3" or the group's name. */
export function seatLabel(layout: SeatLayout | null, seat: string): string {
  if (layout?.kind === 'groups') return layout.groupNames[Number(seat.slice(1)) - 1] ?? seat;
  const [r, c] = seat.split('.');
  return `Dãy ${r} – bàn ${c}`;
}

export const layoutBody = z.object({ layout: seatLayoutInput.nullable() });
export type LayoutBody = z.infer<typeof layoutBody>;

export const stepInput = z.object({ step: z.number().int().min(1).max(4) });
export type StepInput = z.infer<typeof stepInput>;

/** A new lesson-plan version written as rich text (sanitised on the server). */
export const lessonPlanInput = z.object({
  bodyHtml: z.string().trim().min(1).max(200_000),
  note: z.string().trim().max(500).nullish(),
});
export type LessonPlanInput = z.infer<typeof lessonPlanInput>;

export const lessonPlanCommentInput = z.object({ body: z.string().trim().min(1).max(5000) });
export type LessonPlanCommentInput = z.infer<typeof lessonPlanCommentInput>;

const versionId = z.uuid({ error: '«Phiên bản so sánh» không hợp lệ' });
/** The two lesson-plan versions to compare (their own message: "from"/"to" elsewhere are dates). */
export const compareQuery = z.object({ from: versionId.optional(), to: versionId.optional() });

/** The three stages of the guided discussion, in order. */
export const analysisInput = z.object({
  teacherShare: z.string().max(20_000),
  evidence: z.string().max(20_000),
  expertView: z.string().max(20_000),
});
export type AnalysisInput = z.infer<typeof analysisInput>;

/** A note as the observer's browser sends it (again and again until it is acknowledged). */
export const noteInput = z.object({
  meetingId: z.uuid(),
  observedAt: z.iso.datetime({ offset: true }),
  text: z.string().trim().max(4000),
  tags: z.array(z.enum(OBSERVATION_TAGS)).max(4).default([]),
  seat: z.string().trim().max(20).nullish(),
});
export type NoteInput = z.infer<typeof noteInput>;

export interface DiffPart {
  op: 'same' | 'add' | 'del';
  text: string;
}

export interface LessonPlanVersionView {
  id: string;
  version: number;
  stage: 'design' | 'revised';
  bodyHtml: string | null;
  note: string | null;
  file: { name: string; size: number } | null;
  createdByName: string | null;
  createdAt: string;
  comments: Array<{ id: string; personName: string; body: string; createdAt: string }>;
}

export interface LessonStudyView {
  meetingId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: string;
  step: number;
  layout: SeatLayout | null;
  teacherName: string | null;
  versions: LessonPlanVersionView[];
  sharedNoteCount: number;
  analysis: AnalysisInput;
  minutesLocked: boolean;
  can: { contribute: boolean; organise: boolean; toMinutes: boolean };
}

export interface CompareView {
  from: { id: string; version: number } | null;
  to: { id: string; version: number } | null;
  parts: DiffPart[];
  /** False when one side is an uploaded file: only text versions are compared word by word. */
  comparable: boolean;
}

export interface NoteView {
  id: string;
  meetingId: string;
  observerId: string;
  observerName: string;
  observedAt: string;
  text: string;
  tags: ObservationTag[];
  seat: string | null;
  shared: boolean;
  hasPhoto: boolean;
  mine: boolean;
}

export interface AnalysisView {
  layout: SeatLayout | null;
  notes: NoteView[];
  seatCounts: Record<string, number>;
}
