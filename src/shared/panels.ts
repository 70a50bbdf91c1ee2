import { z } from 'zod';
import type { RubricGroup } from './rubrics';

/** Request schemas and types of panels (tổ điều hành, seed 004): events, team entries, scores, ranking, selection. */

export const DOSSIER_PARTS = ['team_plan', 'meeting_book', 'video', 'other'] as const;
export type DossierPart = (typeof DOSSIER_PARTS)[number];

export const panelEventInput = z
  .object({
    organiserOrgId: z.uuid(),
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(4000).nullish(),
    eventDate: z.iso.date(),
    place: z.string().trim().max(300).nullish(),
    submissionDeadline: z.iso.datetime({ offset: true }),
    selectCount: z.number().int().min(1).max(100),
    rubricId: z.uuid(),
    headPersonId: z.uuid(),
    memberIds: z.array(z.uuid()).max(30),
  })
  .superRefine((v, ctx) => {
    if (new Date(v.submissionDeadline) > new Date(`${v.eventDate}T23:59:59+07:00`))
      ctx.addIssue({ code: 'custom', path: ['submissionDeadline'], message: 'Hạn nộp hồ sơ phải trước hoặc trong ngày tổ chức' });
  });
export type PanelEventInput = z.infer<typeof panelEventInput>;

export const dossierItemInput = z
  .object({
    part: z.enum(DOSSIER_PARTS),
    title: z.string().trim().min(1).max(300),
    url: z.url().max(1000).nullish(),
    materialId: z.uuid().nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.url === !v.materialId)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Mỗi thành phần hồ sơ cần đúng một đường dẫn hoặc một học liệu đã tải lên' });
  });

/** A team's dossier and video report, with its presenters. */
export const panelEntryInput = z
  .object({
    teamOrgId: z.uuid(),
    presenterIds: z.array(z.uuid()).min(1).max(5),
    dossier: z.array(dossierItemInput).min(1).max(20),
  })
  .superRefine((v, ctx) => {
    if (!v.dossier.some((d) => d.part === 'video'))
      ctx.addIssue({ code: 'custom', path: ['dossier'], message: 'Hồ sơ phải có video báo cáo (video clip)' });
  });
export type PanelEntryInput = z.infer<typeof panelEntryInput>;

/** One member's scores of one entry: points per criterion key. */
export const panelScoreInput = z.object({
  points: z.record(z.string().max(40), z.number().min(0).max(1000)),
  comment: z.string().trim().max(2000).nullish(),
});
export type PanelScoreInput = z.infer<typeof panelScoreInput>;

export const panelSelectionInput = z.object({ entryIds: z.array(z.uuid()).max(100) });

export interface PanelPerson {
  id: string;
  fullName: string;
}

export interface PanelEntryView {
  id: string;
  team: { id: string; name: string; schoolName: string | null };
  presenters: PanelPerson[];
  dossier: Array<{ part: DossierPart; title: string; url: string | null; materialId: string | null }>;
  submittedAt: string;
  selected: boolean;
  /** The actor's own score of this entry, if submitted. */
  myScore: { points: Record<string, number>; total: number; comment: string | null } | null;
}

/** One line of the ranking; scores of others appear only to those allowed (see policy). */
export interface RankingRow {
  entryId: string;
  teamName: string;
  schoolName: string | null;
  scoreCount: number;
  average: number;
  groupAverages: number[];
  rank: number;
  selected: boolean;
  /** Shares its rank with another entry across the selection cut: the head decides. */
  tieAtCut: boolean;
  memberTotals: Array<{ memberName: string; total: number }>;
}

export interface PanelEventView {
  id: string;
  title: string;
  description: string | null;
  organiserOrg: { id: string; name: string };
  eventDate: string;
  place: string | null;
  submissionDeadline: string;
  selectCount: number;
  rubric: { id: string | null; name: string; groups: RubricGroup[]; maxTotal: number };
  head: PanelPerson;
  members: PanelPerson[];
  entries: PanelEntryView[];
  /** null when the actor may not see the ranking yet (a member who has not scored every entry). */
  ranking: RankingRow[] | null;
  myProgress: { scored: number; total: number } | null;
  selectedAt: string | null;
  can: { submitEntry: boolean; score: boolean; select: boolean; seeRanking: boolean; export: boolean };
}

export interface PanelEventSummary {
  id: string;
  title: string;
  organiserOrgName: string;
  eventDate: string;
  submissionDeadline: string;
  entryCount: number;
  role: 'head' | 'member' | 'organiser' | 'team' | 'viewer';
}
