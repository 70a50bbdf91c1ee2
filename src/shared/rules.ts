import { z } from 'zod';

/** Request schemas of the rules feature (rules and deadlines of a supervising org for a school year). */

export const QUOTA_TARGETS = ['cluster', 'school_group', 'district_group', 'custom', 'team'] as const;
export const QUOTA_PERIODS = ['term', 'year'] as const;
export const BREAK_KINDS = ['holiday', 'exam'] as const;
export const RULE_PRESET_NAMES = ['ben_tre', 'cu_chi', 'bac_giang'] as const;

const isoDate = z.iso.date();
const count = z.number().int().min(0).max(365);

export const ruleQuotaInput = z.object({
  target: z.enum(QUOTA_TARGETS),
  per: z.enum(QUOTA_PERIODS),
  minCount: z.number().int().min(0).max(100),
  /** Each subject in play must meet minCount times (seed 001: a school group's quota counts per subject). */
  perSubject: z.boolean().default(false),
});

export const ruleBreakInput = z
  .object({
    startDate: isoDate,
    endDate: isoDate,
    label: z.string().trim(),
    kind: z.enum(BREAK_KINDS),
  })
  .superRefine((b, ctx) => {
    // custom messages: the field name `label` is shared with other features' labels
    if (b.label.length === 0 || b.label.length > 200)
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'Tên thời gian nghỉ không được để trống và dài tối đa 200 ký tự' });
    if (b.endDate < b.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ngày kết thúc của thời gian nghỉ phải sau hoặc bằng ngày bắt đầu' });
  });

export const ruleBreaksInput = z.object({ breaks: z.array(ruleBreakInput).max(60) });

/** The whole rule set of an org for a school year, as the form sends it (create or replace). */
export const ruleSetInput = z
  .object({
    preset: z.enum(RULE_PRESET_NAMES).nullish(),
    quotas: z.array(ruleQuotaInput).max(20),
    teamIntervalDays: z.number().int().min(1).max(366),
    planDueDate: isoDate.nullish(),
    preparationDaysBefore: count.nullish(),
    term1ReportDue: isoDate.nullish(),
    yearReportDue: isoDate.nullish(),
    dossierDaysBefore: count.nullish(),
    breaks: z.array(ruleBreakInput).max(60),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.quotas.forEach((q, i) => {
      const key = `${q.target}/${q.per}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['quotas', i, 'target'],
          message: `Số buổi tối thiểu (mục ${i + 1}) bị trùng đối tượng và kỳ`,
        });
      seen.add(key);
    });
  });

export const rulePresetInput = z.object({ preset: z.enum(RULE_PRESET_NAMES) });

export const ruleParams = z.object({ orgId: z.uuid(), schoolYearId: z.uuid() });

export type RuleSetInput = z.infer<typeof ruleSetInput>;
export type RuleBreakInput = z.infer<typeof ruleBreakInput>;
export type RulePresetName = (typeof RULE_PRESET_NAMES)[number];

/** The rules of an org and a year as the API returns them (`source`: own, inherited from `sourceOrg`, or defaults). */
export interface RulesView {
  org: { id: string; name: string; type: string };
  schoolYear: {
    id: string;
    code: string;
    startDate: string;
    endDate: string;
    terms: { number: number; startDate: string; endDate: string }[];
  };
  rules: {
    ruleSetId: string | null;
    orgId: string;
    schoolYearId: string;
    quotas: { target: (typeof QUOTA_TARGETS)[number]; per: (typeof QUOTA_PERIODS)[number]; minCount: number; perSubject: boolean }[];
    teamIntervalDays: number;
    planDueDate: string | null;
    preparationDaysBefore: number | null;
    term1ReportDue: string | null;
    yearReportDue: string | null;
    dossierDaysBefore: number | null;
    breaks: { startDate: string; endDate: string; label: string; kind: (typeof BREAK_KINDS)[number] }[];
    source: 'own' | 'inherited' | 'default';
    preset: string | null;
  };
  sourceOrg: { id: string; name: string } | null;
  presets: readonly string[];
  can: { edit: boolean };
}
