import { z } from 'zod';
import { MEETING_KINDS, MEETING_MODES, MEETING_STATUSES, ORG_TYPES, POSITIONS, SCHOOL_LEVELS } from './enums';
import { noticeCategories, noticeChannels } from './notifications';
import { named } from './views';

/**
 * Response schemas of meetings, invitations, notifications, chat links and calendar feeds. The check-in secret is in
 * none of them: only the secretary's check-in code route (attendance) returns the link that carries it.
 */

/** What the actor may do with a meeting. */
export const meetingCan = z.object({
  read: z.boolean(),
  edit: z.boolean(),
  schedule: z.boolean(),
  postpone: z.boolean(),
  cancel: z.boolean(),
  markHeld: z.boolean(),
  delete: z.boolean(),
  applyBridgeRule: z.boolean(),
  invite: z.boolean(),
  upload: z.boolean(),
  nameSecretary: z.boolean(),
});

/** One line of a schedule; `restricted` lines carry only the public calendar facts. */
export const meetingSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  mode: z.enum(MEETING_MODES),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  hostOrg: named,
  network: named.nullable(),
  subjects: z.array(named),
  grade: z.number().nullable(),
  restricted: z.boolean(),
  /** Why the actor sees it in "my meetings" (invited, chair, secretary, presenter). */
  myRoles: z.array(z.string()).optional(),
});

/** A page of "my meetings"; `next` is the cursor of the following page, null on the last one. */
export const minePage = z.object({ meetings: z.array(meetingSummary), next: z.string().nullable() });

/** A venue: the central one or a bridge point, with how many are invited there. */
export const venueView = z.object({
  id: z.string(),
  isCentral: z.boolean(),
  org: named.nullable(),
  name: z.string(),
  room: z.string().nullable(),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  invitedCount: z.number(),
});

/** One invitation; the person's contacts are null for readers who may not see them. */
export const invitationView = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), fullName: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  orgName: z.string().nullable(),
  venueId: z.string().nullable(),
  ruleId: z.string().nullable(),
});

/** A stored invitation rule, as the request declared it. */
export const invitationRuleView = z.object({
  subjectIds: z.array(z.string()),
  positions: z.array(z.enum(POSITIONS)),
  scope: z.union([
    z.object({ networkId: z.string() }),
    z.object({ orgIds: z.array(z.string()) }),
    z.object({ underOrgId: z.string(), levels: z.array(z.enum(SCHOOL_LEVELS)) }),
  ]),
  levels: z.array(z.enum(SCHOOL_LEVELS)).optional(),
  grade: z.number().nullish(),
});

/** An attachment of a meeting (its metadata; the file is downloaded separately). */
export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

/** One meeting in full, with what the actor may do. */
export const meetingDetail = meetingSummary.extend({
  planItemId: z.string().nullable(),
  schoolYearId: z.string(),
  termNumber: z.number().nullable(),
  content: z.string().nullable(),
  statusReason: z.string().nullable(),
  chair: named.nullable(),
  secretary: named.nullable(),
  plannedCount: z.number().nullable(),
  notes: z.string().nullable(),
  presenters: z.array(z.object({ id: z.string(), person: named.nullable(), org: named.nullable(), topic: z.string().nullable() })),
  agenda: z.array(z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), title: z.string(), presenter: named.nullable() })),
  venues: z.array(venueView),
  invitationRules: z.array(z.object({ id: z.string(), description: z.string(), rule: invitationRuleView, count: z.number() })),
  invitations: z.array(invitationView),
  attachments: z.array(attachmentView),
  /** Problems that block scheduling (a bridge point without a link…). */
  problems: z.array(z.string()),
  can: meetingCan,
});

/** What applying the bridge rule did, with the meeting after it. */
export const bridgePlanView = z.object({
  central: z.number(),
  bridges: z.array(
    z.object({
      venueId: z.string().nullable(),
      orgId: z.string().nullable(),
      name: z.string(),
      count: z.number(),
      created: z.boolean(),
      hasLink: z.boolean(),
      /** Where the link comes from: kept on the point, or the network's saved link for the point, subject or network. */
      linkFrom: z.enum(['venue', 'network_org', 'network_subject', 'network', 'none']),
    }),
  ),
  /** Invitees whose venue changes, and invitees left where a person put them by hand. */
  moved: z.number(),
  kept: z.number(),
  unassigned: z.number(),
  /** Names of bridge points that would have no online link (the meeting cannot be scheduled until each has one). */
  missingLinks: z.array(z.string()),
});

export const bridgeRuleReply = z.object({ result: bridgePlanView, meeting: meetingDetail.nullable() });

/** A network's online meeting links, with the names of their subject and bridge-point org. */
export const meetingLinkList = z.object({
  links: z.array(z.object({ id: z.string(), subject: named.nullable(), org: named.nullable(), url: z.string() })),
  /** The orgs a bridge point of the network may be: member schools, then the offices above them and the supervising one. */
  orgs: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(ORG_TYPES), address: z.string().nullable() })),
  can: z.object({ edit: z.boolean() }),
});

/** What adding an invitation rule did. */
export const ruleAddedReply = z.object({
  ruleId: z.string(),
  description: z.string(),
  matched: z.number(),
  added: z.number(),
  /** How many of those matched were kept although the levels they teach are unknown. */
  unknownLevel: z.number(),
});

/** What a rule would do, written nowhere: its description, the level filter applied, who it reaches. */
export const rulePreviewReply = z.object({
  description: z.string(),
  levels: z.array(z.enum(SCHOOL_LEVELS)),
  matched: z.number(),
  /** Matched and not invited yet. */
  added: z.number(),
  unknownLevel: z.number(),
  /** Up to 20 names of those kept with an unknown level, so the editor can state it on their profile. */
  unknownLevelNames: z.array(z.string()),
});
export type RulePreview = z.infer<typeof rulePreviewReply>;

/** How many people an invitation by name added. */
export const invitedReply = z.object({ added: z.number() });

/** One notification in the bell. */
export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** The bell: the latest notifications and how many are unread. */
export const notificationList = z.object({ items: z.array(notificationView), unread: z.number() });

/** A network's chat group link (Zalo…), per subject or for all. */
export const chatLinkView = z.object({ id: z.string(), subject: named.nullable(), url: z.string(), label: z.string().nullable() });

/** A network's chat links and whether the actor may edit them. */
export const chatLinkList = z.object({ links: z.array(chatLinkView), can: z.object({ edit: z.boolean() }) });

/** The secret address of a calendar feed. */
export const calendarTokenReply = z.object({ token: z.string(), url: z.string() });

/** A person's channel for every notice category, and whether they have an e-mail address to receive mail at. */
export const notificationPreferencesView = z.object({
  email: z.string().nullable(),
  /** The hour (Vietnam time) the daily digest goes out. */
  digestHour: z.number(),
  preferences: z.array(
    z.object({
      category: z.enum(noticeCategories),
      channel: z.enum(noticeChannels),
      isDefault: z.boolean(),
    }),
  ),
});

/** One e-mail of the outbox (administrators). */
export const outboxItemView = z.object({
  id: z.string(),
  dedupeKey: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type BridgePlanView = z.infer<typeof bridgePlanView>;
export type MeetingLinkList = z.infer<typeof meetingLinkList>;
