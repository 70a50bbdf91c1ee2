import { z } from 'zod';

/** Request schemas and types of the rubrics feature (tiêu chí đánh giá as data). */

export const RUBRIC_PURPOSES = ['lesson_analysis', 'dossier', 'presentation', 'panel'] as const;
export type RubricPurpose = (typeof RUBRIC_PURPOSES)[number];

export const rubricLevelInput = z.object({
  label: z.string().trim().min(1).max(100),
  points: z.number().min(0).max(1000),
  description: z.string().trim().max(1000).nullish(),
});

export const rubricCriterionInput = z.object({
  key: z.string().trim().min(1).max(40).optional(),
  title: z.string().trim().min(1).max(500),
  maxPoints: z.number().min(0).max(1000),
  levels: z.array(rubricLevelInput).max(10).optional(),
});

export const rubricGroupInput = z.object({
  key: z.string().trim().min(1).max(40).optional(),
  title: z.string().trim().min(1).max(300),
  criteria: z.array(rubricCriterionInput).min(1).max(40),
});

/** A rubric as the editor sends it (create or replace). */
export const rubricInput = z.object({
  ownerOrgId: z.uuid(),
  name: z.string().trim().min(1).max(300),
  purpose: z.enum(RUBRIC_PURPOSES),
  noGrading: z.boolean().default(false),
  groups: z.array(rubricGroupInput).min(1).max(20),
});
export type RubricInput = z.infer<typeof rubricInput>;

export const rubricsQuery = z.object({ orgId: z.uuid().optional(), purpose: z.enum(RUBRIC_PURPOSES).optional() });

export interface RubricCriterion {
  key: string;
  title: string;
  maxPoints: number;
  levels: Array<{ label: string; points: number; description?: string | null }>;
}
export interface RubricGroup {
  key: string;
  title: string;
  criteria: RubricCriterion[];
}
/** A rubric as the API returns it (and as panels snapshot it). */
export interface Rubric {
  id: string;
  name: string;
  purpose: RubricPurpose;
  noGrading: boolean;
  presetKey: string | null;
  ownerOrg: { id: string; name: string } | null;
  groups: RubricGroup[];
  maxTotal: number;
  can: { update: boolean };
}
