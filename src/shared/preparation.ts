import { z } from 'zod';

/** POST /api/assignments/:id/preparation: the unit sends its plan and preparation report (seed 002 §III.2). */
export const preparationInput = z
  .object({
    notes: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict();
export type PreparationInput = z.input<typeof preparationInput>;

/** The preparation report of an assignment's linked meeting, if sent. */
export interface PreparationView {
  assignmentId: string;
  meetingId: string | null;
  /** Due N days before the meeting (the Sở's rules, else one week). */
  dueDate: string | null;
  submitted: { at: string; byName: string | null; notes: string | null } | null;
  can: { submit: boolean };
}
