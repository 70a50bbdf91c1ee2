import { z } from 'zod';
import { monthField } from './programme';

/** Request schemas and response types of inspections (seed 002 §II.2 and Phụ lục II). */

/**
 * The nine items of the inspection checklist, as seed 002 §II.2.1 words them ("{year}" is the school year, e.g.
 * 2023-2024). Data, not code: an inspection stores the texts it was recorded with.
 */
export const INSPECTION_CHECKLIST: readonly string[] = [
  'Công tác xây dựng kế hoạch giáo dục năm học {year} (kế hoạch của đơn vị, tổ chuyên môn, giáo viên) và việc quản lý hồ sơ, sổ sách theo quy định.',
  'Việc thực hiện chương trình và kế hoạch dạy học (xây dựng và thực hiện phân phối chương trình; đổi mới phương pháp dạy học và kiểm tra đánh giá; sinh hoạt tổ, nhóm chuyên môn).',
  'Quản lý, bảo quản, sử dụng thiết bị, đồ dùng dạy học.',
  'Công tác hướng nghiệp, phân luồng học sinh.',
  'Công tác bồi dưỡng đội ngũ.',
  'Việc ứng dụng CNTT, thực hiện chuyển đổi số trong quản lý và tổ chức dạy học.',
  'Việc triển khai thực hiện mục tiêu giáo dục năm học {year} đăng kí với sở GDĐT gắn với tiêu chí thi đua của đơn vị.',
  'Việc thực hiện Đề án, Kế hoạch nhằm nâng cao chất lượng giáo dục và đào tạo.',
  'Công tác xây dựng xã hội học tập; đánh giá, xếp loại trung tâm học tập cộng đồng, đơn vị học tập.',
];

/** The checklist texts for a school year ("2023-2024"). */
export function checklistFor(schoolYearCode: string): string[] {
  return INSPECTION_CHECKLIST.map((t) => t.replaceAll('{year}', schoolYearCode));
}

/** Units send their timetable and summary report this many days before the visit (seed 002 §III.3). */
export const DOCUMENTS_DAYS_BEFORE = 3;

export const INSPECTION_RATINGS = ['met', 'partly', 'not_met'] as const;
export type InspectionRating = (typeof INSPECTION_RATINGS)[number];

export const INSPECTION_DOCUMENT_KINDS = ['timetable', 'summary', 'other'] as const;
export type InspectionDocumentKind = (typeof INSPECTION_DOCUMENT_KINDS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** One row of the inspection plan: an area (districts) and its month. */
export const inspectionAreaInput = z.object({
  schoolYearId: z.uuid(),
  provinceOrgId: z.uuid(),
  label: z.string().trim().min(1).max(300),
  areaOrgIds: z.array(z.uuid()).max(30).default([]),
  month: monthField,
});
export type InspectionAreaInput = z.input<typeof inspectionAreaInput>;

/** A planned inspection of a unit (school, centre) or a network. */
export const inspectionInput = z
  .object({
    schoolYearId: z.uuid(),
    areaId: z.uuid().nullish(),
    unitOrgId: z.uuid().nullish(),
    networkId: z.uuid().nullish(),
    visitDate: z.iso.date(),
    inspectors: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  })
  .superRefine((v, ctx) => {
    if (!v.unitOrgId === !v.networkId)
      ctx.addIssue({ code: 'custom', path: ['unitOrgId'], message: 'Chọn đúng một đơn vị hoặc một mạng lưới được kiểm tra' });
  });
export type InspectionInput = z.input<typeof inspectionInput>;

/** The record of the visit: the nine checklist items, each rated with a finding, and the overall findings. */
export const inspectionRecordInput = z
  .object({
    checklist: z
      .array(
        z.object({
          position: z.number().int().min(1).max(INSPECTION_CHECKLIST.length),
          rating: z.enum(INSPECTION_RATINGS),
          finding: optionalText(4000),
        }),
      )
      .max(INSPECTION_CHECKLIST.length),
    findings: z.string().trim().min(1).max(10000),
    recommendations: optionalText(10000),
  })
  .superRefine((v, ctx) => {
    const seen = new Set(v.checklist.map((c) => c.position));
    if (seen.size !== v.checklist.length)
      ctx.addIssue({ code: 'custom', path: ['checklist'], message: 'Mỗi nội dung kiểm tra chỉ được đánh giá một lần' });
    INSPECTION_CHECKLIST.forEach((_, i) => {
      if (!seen.has(i + 1))
        ctx.addIssue({
          code: 'custom',
          path: ['checklist', i],
          message: `Nội dung kiểm tra ${i + 1}: chưa chọn mức đánh giá (đạt / đạt một phần / chưa đạt)`,
        });
    });
  });
export type InspectionRecordInput = z.input<typeof inspectionRecordInput>;

/** Filter of the inspections list. */
export const inspectionsQuery = z.object({ schoolYearId: z.uuid().optional(), provinceOrgId: z.uuid().optional() });

/** Kind of an uploaded document (query of the upload). */
export const inspectionDocumentQuery = z.object({ documentKind: z.enum(INSPECTION_DOCUMENT_KINDS) });

export interface InspectionAreaView {
  id: string;
  provinceOrgId: string;
  schoolYearId: string;
  label: string;
  areaOrgIds: string[];
  areaNames: string[];
  month: string;
  can: { edit: boolean };
}

export interface InspectionDocumentView {
  id: string;
  kind: InspectionDocumentKind;
  fileName: string;
  size: number;
  createdAt: string;
}

export interface InspectionView {
  id: string;
  provinceOrgId: string;
  provinceName: string;
  schoolYearId: string;
  schoolYearCode: string;
  areaId: string | null;
  areaLabel: string | null;
  unitOrgId: string | null;
  networkId: string | null;
  targetName: string;
  visitDate: string;
  /** Timetable and summary due this day (3 days before the visit). */
  documentsDueDate: string;
  inspectors: string[];
  status: 'planned' | 'recorded';
  /** Planned, its visit day (Vietnam) has passed, and still no record: "Quá hạn". */
  overdue: boolean;
  findings: string | null;
  recommendations: string | null;
  checklist: Array<{ position: number; text: string; rating: InspectionRating | null; finding: string | null }>;
  documents: InspectionDocumentView[];
  can: { edit: boolean; upload: boolean };
}
