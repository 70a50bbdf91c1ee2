import { z } from 'zod';
import {
  LEADERSHIP_MODES,
  MEETING_KINDS,
  MEETING_MODES,
  NETWORK_KINDS,
  NETWORK_ROLES,
  ORG_TYPES,
  PLAN_STATUSES,
  POSITIONS,
  SCHOOL_LEVELS,
} from './enums';

/** Request schemas, written once and used by the API routes (validation, OpenAPI) and the web forms. */

const isoDate = z.iso.date();
const optionalDate = isoDate.nullish();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Adds a "validTo must not be before validFrom" check to an object with those fields. */
function ordered<T extends { validFrom?: string | null; validTo?: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Ngày kết thúc hiệu lực phải sau ngày bắt đầu hiệu lực' });
  }
}

export const loginInput = z.object({
  email: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(8).max(200),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword === v.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Mật khẩu mới phải khác mật khẩu hiện tại' });
    }
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const termInput = z.object({ number: z.union([z.literal(1), z.literal(2)]), startDate: isoDate, endDate: isoDate });

export const schoolYearInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{4}$/, 'Mã năm học phải có dạng 2024-2025'),
    startDate: isoDate,
    endDate: isoDate,
    terms: z.array(termInput).length(2),
  })
  .superRefine((v, ctx) => {
    const [a, b] = v.code.split('-').map(Number);
    if (b !== a + 1) ctx.addIssue({ code: 'custom', path: ['code'], message: 'Năm học phải gồm hai năm liên tiếp, ví dụ 2024-2025' });
    if (v.endDate <= v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ngày kết thúc năm học phải sau ngày bắt đầu' });
    }
    v.terms.forEach((t, i) => {
      if (t.endDate <= t.startDate) {
        ctx.addIssue({ code: 'custom', path: ['terms', i, 'endDate'], message: `Học kỳ ${t.number}: ngày kết thúc phải sau ngày bắt đầu` });
      }
      if (t.startDate < v.startDate || t.endDate > v.endDate) {
        ctx.addIssue({ code: 'custom', path: ['terms', i, 'startDate'], message: `Học kỳ ${t.number} phải nằm trong năm học` });
      }
    });
    const [t1, t2] = [...v.terms].sort((x, y) => x.number - y.number);
    if (t1?.number === t2?.number) ctx.addIssue({ code: 'custom', path: ['terms'], message: 'Cần đúng một học kỳ I và một học kỳ II' });
    else if (t1 && t2 && t2.startDate <= t1.endDate) {
      ctx.addIssue({ code: 'custom', path: ['terms', 1, 'startDate'], message: 'Học kỳ II phải bắt đầu sau khi học kỳ I kết thúc' });
    }
  });
export type SchoolYearInput = z.infer<typeof schoolYearInput>;

export const orgInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số và các ký tự . _ -'),
    name: text(200),
    shortName: optionalText(100),
    type: z.enum(ORG_TYPES),
    levels: z.array(z.enum(SCHOOL_LEVELS)).max(4).default([]),
    address: optionalText(300),
    phone: optionalText(30),
    email: z.email().max(200).nullish(),
    parentId: z.uuid().nullish(),
    validFrom: optionalDate,
    validTo: optionalDate,
    subjectIds: z.array(z.uuid()).max(30).default([]),
  })
  .superRefine(ordered)
  .superRefine((v, ctx) => {
    if (v.type === 'school' && v.levels.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Trường học phải có ít nhất một cấp học' });
    }
  });
export type OrgInput = z.input<typeof orgInput>;

export const orgParentInput = z.object({ parentId: z.uuid(), validFrom: isoDate });
export type OrgParentInput = z.infer<typeof orgParentInput>;

export const membershipInput = z
  .object({ orgId: z.uuid(), position: z.enum(POSITIONS), validFrom: optionalDate, validTo: optionalDate })
  .superRefine(ordered);

export const personInput = z.object({
  code: optionalText(50),
  fullName: text(120),
  email: z.email().max(200).nullish(),
  phone: optionalText(30),
  gender: z.enum(['male', 'female']).nullish(),
  subjectIds: z.array(z.uuid()).max(20).default([]),
  /** School levels taught; empty = derived from the school or team. Left out on an update, the stored ones stay. */
  teachingLevels: z.array(z.enum(SCHOOL_LEVELS)).max(4).optional(),
  positions: z.array(membershipInput).min(1).max(20),
});
export type PersonInput = z.input<typeof personInput>;

export const networkLeaderInput = z.object({ personId: z.uuid(), role: z.enum(NETWORK_ROLES) });

export const networkInput = z
  .object({
    kind: z.enum(NETWORK_KINDS),
    name: text(200),
    schoolYearId: z.uuid(),
    supervisingOrgId: z.uuid(),
    parentNetworkId: z.uuid().nullish(),
    leadOrgId: z.uuid().nullish(),
    leadershipMode: z.enum(LEADERSHIP_MODES).default('named'),
    decisionNumber: optionalText(100),
    decisionDate: optionalDate,
    description: optionalText(2000),
    memberOrgIds: z.array(z.uuid()).min(2).max(500),
    leaders: z.array(networkLeaderInput).max(10).default([]),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.memberOrgIds).size !== v.memberOrgIds.length) {
      ctx.addIssue({ code: 'custom', path: ['memberOrgIds'], message: 'Một đơn vị được chọn hai lần' });
    }
    if (v.leadOrgId && !v.memberOrgIds.includes(v.leadOrgId)) {
      ctx.addIssue({ code: 'custom', path: ['leadOrgId'], message: 'Đơn vị nhóm trưởng phải là thành viên của mạng lưới' });
    }
    const leaders = v.leaders.filter((l) => l.role === 'leader').length;
    if (leaders > 1) ctx.addIssue({ code: 'custom', path: ['leaders'], message: 'Mỗi mạng lưới chỉ có một trưởng' });
    if (v.leadershipMode === 'named' && leaders === 0 && v.kind === 'cluster') {
      ctx.addIssue({ code: 'custom', path: ['leaders'], message: 'Cụm chuyên môn cần có cụm trưởng' });
    }
    if (v.leaders.filter((l) => l.role === 'deputy').length > 2) {
      ctx.addIssue({ code: 'custom', path: ['leaders'], message: 'Tối đa hai phó trưởng' });
    }
    if (new Set(v.leaders.map((l) => l.personId)).size !== v.leaders.length) {
      ctx.addIssue({ code: 'custom', path: ['leaders'], message: 'Một người được chọn hai lần' });
    }
  });
export type NetworkInput = z.input<typeof networkInput>;

export const accountInput = z.object({
  personId: z.uuid(),
  email: z.email().max(200),
  password: z.string().min(8).max(200),
  isAdmin: z.boolean().default(false),
});
export type AccountInput = z.input<typeof accountInput>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const orgSearchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  type: z.enum(ORG_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  date: isoDate.optional(),
});

/** Keyset paging: the opaque cursor a list's previous page answered with (decision 0027). */
const cursorField = z.string().trim().max(500).optional();

export const peopleQuery = pageQuery.extend({
  q: z.string().trim().max(100).default(''),
  orgId: z.uuid().optional(),
  position: z.enum(POSITIONS).optional(),
  subjectId: z.uuid().optional(),
  /** People pickers of a meeting: search its invitable set (every school of its network), not only the own school. */
  meetingId: z.uuid().optional(),
  /** …or of a meeting being created at this host (and in this network). */
  hostOrgId: z.uuid().optional(),
  networkId: z.uuid().optional(),
  /** Rows per page for cursor paging (takes the place of pageSize when given). */
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** Keyset paging: the nextCursor of the previous page; page is then ignored (decision 0027). */
  cursor: cursorField,
});

export const networksQuery = z.object({
  schoolYearId: z.uuid().optional(),
  kind: z.enum(NETWORK_KINDS).optional(),
  orgId: z.uuid().optional(),
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  cursor: cursorField,
});

/** The org tree on a date, optionally only below a root and down to a depth (0 = the root alone). */
export const orgTreeQuery = z.object({
  date: z.iso.date().optional(),
  rootId: z.uuid().optional(),
  depth: z.coerce.number().int().min(0).max(12).optional(),
});

export const auditQuery = pageQuery.extend({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
});

export const networkRollOverInput = z.object({
  schoolYearId: z.uuid(),
  supervisingOrgId: z.uuid().nullish(),
});
export type NetworkRollOverInput = z.infer<typeof networkRollOverInput>;

// ── plans (kế hoạch) ────────────────────────────────────────────────────────────────────────────────────────────

const planTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, 'Giờ phải có dạng giờ:phút, ví dụ 07:30')
  .nullish();

/** One planned meeting of a plan (kind, subjects, grade, content, host, presenter, proposed date and time, place, mode). */
export const planItemInput = z.object({
  kind: z.enum(MEETING_KINDS),
  subjectIds: z.array(z.uuid()).max(20).default([]),
  grade: z.number().int().min(1).max(12).nullish(),
  content: text(2000),
  hostOrgId: z.uuid().nullish(),
  presenterPersonId: z.uuid().nullish(),
  presenterOrgId: z.uuid().nullish(),
  proposedDate: optionalDate,
  proposedTime: planTime,
  place: optionalText(300),
  mode: z.enum(MEETING_MODES).default('in_person'),
  plannedCount: z.number().int().min(1).max(100_000).nullish(),
});
export type PlanItemInput = z.input<typeof planItemInput>;

/** Planned items must be listed in time order (as in the schedule, Mẫu 1); items without a date may come anywhere. */
function itemsInOrder(v: { items: Array<{ proposedDate?: string | null; proposedTime?: string | null }> }, ctx: z.RefinementCtx) {
  let last = '';
  v.items.forEach((item, i) => {
    if (!item.proposedDate) return;
    const at = `${item.proposedDate}T${item.proposedTime ?? '00:00'}`;
    if (at < last) {
      const sameDay = last.startsWith(item.proposedDate);
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, sameDay ? 'proposedTime' : 'proposedDate'],
        message: `Buổi ${i + 1} dự kiến trước buổi liền trên: hãy xếp các buổi theo thứ tự ngày giờ`,
      });
    } else last = at;
  });
}

const planFields = {
  termNumber: z.union([z.literal(1), z.literal(2)]).nullish(),
  title: text(300),
  notes: optionalText(4000),
  items: z.array(planItemInput).max(200).default([]),
};

/** A new plan of a network or an org (exactly one of them) for a school year or one term. */
export const planInput = z
  .object({ networkId: z.uuid().nullish(), orgId: z.uuid().nullish(), schoolYearId: z.uuid(), ...planFields })
  .superRefine((v, ctx) => {
    if (!v.networkId === !v.orgId) {
      ctx.addIssue({ code: 'custom', path: ['networkId'], message: 'Chọn đúng một mạng lưới hoặc một đơn vị lập kế hoạch' });
    }
  })
  .superRefine(itemsInOrder);
export type PlanInput = z.input<typeof planInput>;

/** Changes to a draft or returned plan: title, term, notes, and the items (replaced as a whole). */
export const planUpdateInput = z.object(planFields).superRefine(itemsInOrder);
export type PlanUpdateInput = z.input<typeof planUpdateInput>;

/** Returning a plan needs a comment saying what to fix. */
export const planReturnInput = z.object({ comment: text(2000) });
export type PlanReturnInput = z.infer<typeof planReturnInput>;

/** Approving a plan, with an optional comment. */
export const planApproveInput = z.object({ comment: optionalText(2000) });
export type PlanApproveInput = z.input<typeof planApproveInput>;

/** After approval: a planned item was held (optionally with its meeting), moved or cancelled (with a reason). */
export const planItemStatusInput = z
  .object({ status: z.enum(['held', 'moved', 'cancelled']), reason: optionalText(1000), meetingId: z.uuid().nullish() })
  .superRefine((v, ctx) => {
    if (v.status !== 'held' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Cần ghi lý do khi dời hoặc hủy buổi sinh hoạt' });
    }
  });
export type PlanItemStatusInput = z.input<typeof planItemStatusInput>;

export const plansQuery = z.object({
  networkId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  schoolYearId: z.uuid().optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  reviewerOrgId: z.uuid().optional(),
});
export type PlansQuery = z.infer<typeof plansQuery>;
