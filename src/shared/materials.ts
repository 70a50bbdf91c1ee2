import { z } from 'zod';

/** Request schemas and types of the materials library (học liệu). */

export const MATERIAL_KINDS = ['lesson_plan', 'slides', 'outline', 'video', 'photo', 'other'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const TEXTBOOK_SERIES = ['ket_noi', 'chan_troi', 'canh_dieu'] as const;
export type TextbookSeries = (typeof TEXTBOOK_SERIES)[number];
export const MATERIAL_VISIBILITIES = ['network', 'province', 'public'] as const;
export type MaterialVisibility = (typeof MATERIAL_VISIBILITIES)[number];

/** Names of the textbook series as printed on the covers (used in search text too). */
export const textbookSeriesNames: Record<TextbookSeries, string> = {
  ket_noi: 'Kết nối tri thức với cuộc sống',
  chan_troi: 'Chân trời sáng tạo',
  canh_dieu: 'Cánh Diều',
};

const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** The tags and visibility of a material (sent as form fields before the file, or as JSON when publishing). */
export const materialFields = z.object({
  title: z.string().trim().min(1).max(300),
  materialKind: z.enum(MATERIAL_KINDS),
  description: optionalText(2000),
  subjectId: z.uuid().nullish(),
  grade: z.coerce.number().int().min(1).max(12).nullish(),
  textbookSeries: z.enum(TEXTBOOK_SERIES).nullish(),
  lesson: optionalText(300),
  visibility: z.enum(MATERIAL_VISIBILITIES),
  meetingId: z.uuid().nullish(),
});
export type MaterialFields = z.infer<typeof materialFields>;

/** Publishing a meeting attachment to the library. */
export const materialPublishInput = materialFields.omit({ meetingId: true }).extend({ attachmentId: z.uuid() });
export type MaterialPublishInput = z.infer<typeof materialPublishInput>;

export const materialsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  subjectId: z.uuid().optional(),
  grade: z.coerce.number().int().min(1).max(12).optional(),
  textbookSeries: z.enum(TEXTBOOK_SERIES).optional(),
  materialKind: z.enum(MATERIAL_KINDS).optional(),
  meetingId: z.uuid().optional(),
});
export type MaterialsQuery = z.infer<typeof materialsQuery>;

export const materialCommentInput = z.object({
  body: z.string().trim().min(1).max(2000),
  atSeconds: z.number().int().min(0).max(86_400).nullish(),
});
export type MaterialCommentInput = z.infer<typeof materialCommentInput>;

/** A material in lists and on its page. */
export interface MaterialView {
  id: string;
  title: string;
  materialKind: MaterialKind;
  description: string | null;
  subject: { id: string; name: string } | null;
  grade: number | null;
  textbookSeries: TextbookSeries | null;
  lesson: string | null;
  visibility: MaterialVisibility;
  ownerOrg: { id: string; name: string };
  meetingId: string | null;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedByName: string | null;
  createdAt: string;
  can: { delete: boolean };
}

export interface MaterialComment {
  id: string;
  body: string;
  atSeconds: number | null;
  authorName: string | null;
  createdAt: string;
}
