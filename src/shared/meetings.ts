import { z } from 'zod';
import { MEETING_KINDS, MEETING_MODES, MEETING_STATUSES, POSITIONS, SCHOOL_LEVELS } from './enums';
import type {
  chatLinkView,
  invitationView,
  meetingCan,
  meetingDetail,
  meetingSummary,
  minePage,
  notificationList,
  notificationView,
  venueView,
} from './meetingViews';
import type { named } from './views';

/** Request schemas and response types of meetings, invitations, notifications, chat links and calendar feeds. */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const text = (max: number) => z.string().trim().min(1).max(max);
const dateTime = z.iso.datetime({ offset: true });
const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, 'Giờ phải có dạng giờ:phút, ví dụ 07:30');

/** A link that calendar apps and browsers open: http or https only. */
export const webUrl = z
  .string()
  .trim()
  .max(1000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'Đường liên kết phải bắt đầu bằng http:// hoặc https://');

const optionalUrl = z
  .union([webUrl, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

/** One timed slot of the programme, in Vietnam time on the meeting's day ("07:00"–"07:30"). */
export const agendaItemInput = z.object({
  startsAt: clock,
  endsAt: clock,
  title: text(500),
  presenterPersonId: z.uuid().nullish(),
});

/** A presenter: a teacher (personId) and/or a team or unit (orgId). */
export const presenterInput = z
  .object({ personId: z.uuid().nullish(), orgId: z.uuid().nullish(), topic: optionalText(500) })
  .refine((v) => v.personId || v.orgId, { message: 'Chọn giáo viên hoặc tổ/đơn vị thực hiện', path: ['personId'] });

/** A venue: the central venue at the host, or a bridge point with its org, room and online link. */
export const venueInput = z.object({
  id: z.uuid().nullish(),
  isCentral: z.boolean().default(false),
  orgId: z.uuid().nullish(),
  name: text(300),
  room: optionalText(300),
  address: optionalText(500),
  onlineUrl: optionalUrl,
});

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  subjectIds: z.array(z.uuid()).max(20).default([]),
  grade: z.number().int().min(1, 'Khối lớp phải từ 1 đến 12').max(12, 'Khối lớp phải từ 1 đến 12').nullish(),
  title: text(300),
  content: optionalText(4000),
  hostOrgId: z.uuid(),
  networkId: z.uuid().nullish(),
  schoolYearId: z.uuid().nullish(),
  mode: z.enum(MEETING_MODES).default('in_person'),
  startsAt: dateTime,
  endsAt: dateTime,
  chairPersonId: z.uuid().nullish(),
  secretaryPersonId: z.uuid().nullish(),
  plannedCount: z.number().int().min(1).max(100_000).nullish(),
  notes: optionalText(4000),
  presenters: z.array(presenterInput).max(50).default([]),
  agenda: z.array(agendaItemInput).max(50).default([]),
  venues: z.array(venueInput).max(100).default([]),
};

function timesInOrder(v: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) {
  if (v.startsAt && v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Giờ kết thúc phải sau giờ bắt đầu' });
  }
}

/** Changes to a meeting (the whole form; presenters, agenda replaced; venues kept by id). */
export const meetingUpdateInput = z.object(meetingFields).superRefine(timesInOrder);
export type MeetingUpdateInput = z.input<typeof meetingUpdateInput>;
export type MeetingUpdate = z.output<typeof meetingUpdateInput>;

/**
 * A new meeting, ad hoc or from a plan item. With `planItemId` the missing fields are copied from the plan item
 * (kind, subjects, grade, content, host, presenter, date and time, place, mode, planned count).
 */
export const meetingCreateInput = z
  .object({
    ...meetingFields,
    planItemId: z.uuid().nullish(),
    kind: meetingFields.kind.optional(),
    title: meetingFields.title.optional(),
    hostOrgId: meetingFields.hostOrgId.optional(),
    startsAt: dateTime.optional(),
    endsAt: dateTime.optional(),
    /** Schedule at once (every check of scheduling applies). */
    scheduleNow: z.boolean().default(false),
  })
  .superRefine(timesInOrder)
  .superRefine((v, ctx) => {
    if (v.planItemId) return;
    for (const f of ['kind', 'title', 'hostOrgId', 'startsAt', 'endsAt'] as const) {
      if (!v[f]) ctx.addIssue({ code: 'custom', path: [f], message: 'Bắt buộc khi tạo buổi sinh hoạt không theo kế hoạch' });
    }
  });
export type MeetingCreateInput = z.input<typeof meetingCreateInput>;
export type MeetingCreate = z.output<typeof meetingCreateInput>;

/** Postponing (optionally to a new time) or cancelling needs a reason. */
export const meetingReasonInput = z
  .object({ reason: text(1000), startsAt: dateTime.optional(), endsAt: dateTime.optional() })
  .superRefine(timesInOrder);
export type MeetingReasonInput = z.input<typeof meetingReasonInput>;

export const meetingsQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  networkId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});
export type MeetingsQuery = z.infer<typeof meetingsQuery>;

/** Where a page of "my meetings" continues: the start and id of the last line of the page before. */
const MINE_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor after a line of "my meetings": its start and its id. */
export function mineCursorOf(m: { startsAt: string; id: string }): string {
  return `${new Date(m.startsAt).toISOString()}_${m.id}`;
}

/** The parts of a cursor, or null when it is not one. */
export function parseMineCursor(cursor: string): { startsAt: string; id: string } | null {
  const m = MINE_CURSOR.exec(cursor);
  return m && !Number.isNaN(Date.parse(m[1])) ? { startsAt: m[1], id: m[2] } : null;
}

/**
 * A page of "my meetings": the upcoming ones (ending on `date` or later, soonest first) or the past ones (ended before
 * `date`, latest first), `limit` lines after the cursor. `date` is the caller's today (Vietnam time) by default.
 */
export const minePageQuery = z.object({
  date: z.iso.date().optional(),
  after: z
    .string()
    .max(80)
    .refine((v) => parseMineCursor(v) !== null, 'Vị trí trang không hợp lệ')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MinePageQuery = z.input<typeof minePageQuery>;

/** A page of "my meetings"; `next` is the cursor of the following page, null on the last one. */
export type MinePage = z.infer<typeof minePage>;

/** Who an invitation rule reaches, as of the meeting's date. */
export const invitationRuleScope = z.union([
  z.object({ networkId: z.uuid() }).strict(),
  z.object({ orgIds: z.array(z.uuid()).min(1).max(500) }).strict(),
  z.object({ underOrgId: z.uuid(), levels: z.array(z.enum(SCHOOL_LEVELS)).max(4).default([]) }).strict(),
]);

/** "All Toán teachers of the group's schools", "team heads of the commune's primary schools", "office leaders". */
export const invitationRule = z.object({
  subjectIds: z.array(z.uuid()).max(20).default([]),
  positions: z.array(z.enum(POSITIONS)).max(7).default([]),
  scope: invitationRuleScope,
  /**
   * Only these school levels (schools spanning one; teachers teaching one, those of unknown level kept). Left out, the
   * level of `grade` or else of the meeting's grade applies; an empty list means every level.
   */
  levels: z.array(z.enum(SCHOOL_LEVELS)).max(4).optional(),
  grade: z.number().int().min(1, 'Khối lớp phải từ 1 đến 12').max(12, 'Khối lớp phải từ 1 đến 12').nullish(),
});
export type InvitationRule = z.output<typeof invitationRule>;

export const invitationRuleInput = z.object({ rule: invitationRule, description: optionalText(500) });
export type InvitationRuleInput = z.input<typeof invitationRuleInput>;

export const inviteByNameInput = z.object({ personIds: z.array(z.uuid()).min(1).max(500), venueId: z.uuid().nullish() });
export type InviteByNameInput = z.input<typeof inviteByNameInput>;

export const invitationVenueInput = z.object({ venueId: z.uuid().nullable() });

export const chatLinksInput = z.object({
  links: z.array(z.object({ subjectId: z.uuid().nullish(), url: webUrl, label: optionalText(200) })).max(50),
});
export type ChatLinksInput = z.input<typeof chatLinksInput>;

/** A network's online meeting links: general, per subject, per bridge point (org); the most specific one wins. */
export const meetingLinksInput = z.object({
  links: z.array(z.object({ subjectId: z.uuid().nullish(), orgId: z.uuid().nullish(), url: webUrl })).max(100),
});
export type MeetingLinksInput = z.input<typeof meetingLinksInput>;

/**
 * The automatic bridge-point rule: `preview` answers what it would change without writing; `links` gives the online
 * link of a planned bridge point (by its org) that has none yet — kept on the point and saved to the network's links.
 */
export const bridgeRuleInput = z.object({
  preview: z.boolean().default(false),
  links: z
    .array(z.object({ orgId: z.uuid(), url: webUrl }))
    .max(100)
    .default([]),
});
export type BridgeRuleInput = z.input<typeof bridgeRuleInput>;

export const calendarTokenInput = z.object({
  kind: z.enum(['person', 'network']),
  networkId: z.uuid().optional(),
  rotate: z.boolean().default(false),
});
export type CalendarTokenInput = z.input<typeof calendarTokenInput>;

// ── responses (schemas in meetingViews.ts) ─────────────────────────────────────────────────────────────────────

/** A record named in a reply. */
export type Named = z.infer<typeof named>;
/** What the actor may do with a meeting. */
export type MeetingCan = z.infer<typeof meetingCan>;
/** One line of a schedule. */
export type MeetingSummary = z.infer<typeof meetingSummary>;
/** A venue of a meeting. */
export type VenueView = z.infer<typeof venueView>;
/** One invitation. */
export type InvitationView = z.infer<typeof invitationView>;
/** One meeting in full. */
export type MeetingDetail = z.infer<typeof meetingDetail>;
/** One notification. */
export type NotificationView = z.infer<typeof notificationView>;
/** The bell's list. */
export type NotificationList = z.infer<typeof notificationList>;
/** A network's chat link. */
export type ChatLinkView = z.infer<typeof chatLinkView>;
