import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { attendanceStatus, meetingKind, meetingMode, meetingStatus } from './enums';
import { networks } from './networks';
import { orgs, subjects } from './orgs';
import { people } from './people';
import { planItems } from './plans';
import { schoolYears } from './schoolYears';

/** One professional-development meeting (GLOSSARY: meeting). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planItemId: uuid('plan_item_id').references(() => planItems.id, { onDelete: 'set null' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'restrict' }),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    termNumber: integer('term_number'),
    kind: meetingKind('kind').notNull(),
    title: text('title').notNull(),
    content: text('content'),
    grade: integer('grade'),
    mode: meetingMode('mode').notNull().default('in_person'),
    status: meetingStatus('status').notNull().default('draft'),
    statusReason: text('status_reason'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    chairPersonId: uuid('chair_person_id').references(() => people.id, { onDelete: 'set null' }),
    secretaryPersonId: uuid('secretary_person_id').references(() => people.id, { onDelete: 'set null' }),
    plannedCount: integer('planned_count'),
    /** Secret of the QR check-in link; valid only while the meeting runs. */
    checkinSecret: text('checkin_secret').notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_starts_idx').on(t.startsAt),
    index('meetings_host_idx').on(t.hostOrgId, t.startsAt),
    index('meetings_network_idx').on(t.networkId, t.startsAt),
    index('meetings_year_idx').on(t.schoolYearId, t.termNumber),
    index('meetings_plan_item_idx').on(t.planItemId),
    // "my meetings" looks meetings up by the person who chairs or writes the minutes
    index('meetings_chair_idx').on(t.chairPersonId),
    index('meetings_secretary_idx').on(t.secretaryPersonId),
    check('meetings_time_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_grade', sql`${t.grade} is null or ${t.grade} between 1 and 12`),
    check('meetings_term', sql`${t.termNumber} is null or ${t.termNumber} in (1, 2)`),
  ],
);

/** Subjects a meeting is about. */
export const meetingSubjects = pgTable(
  'meeting_subjects',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.subjectId] }), index('meeting_subjects_subject_idx').on(t.subjectId)],
);

/** Who presents: a teacher (with their unit) or a whole team. */
export const meetingPresenters = pgTable(
  'meeting_presenters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    topic: text('topic'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('meeting_presenters_meeting_idx').on(t.meetingId),
    index('meeting_presenters_person_idx').on(t.personId),
    check('meeting_presenters_who', sql`${t.personId} is not null or ${t.orgId} is not null`),
  ],
);

/** A timed slot of the meeting's programme (7h00–7h30 dossier viewing, …). */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull().default(0),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    title: text('title').notNull(),
    presenterPersonId: uuid('presenter_person_id').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.sortOrder), check('agenda_items_order', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** A place that takes part: the central venue at the host, or a remote bridge point with its own link. */
export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    isCentral: boolean('is_central').notNull().default(false),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    room: text('room'),
    address: text('address'),
    onlineUrl: text('online_url'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('venues_meeting_idx').on(t.meetingId)],
);

/** A rule that invites people ("all Toán teachers of the group's schools"); kept so the list can be refreshed. */
export const invitationRules = pgTable(
  'invitation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    rule: jsonb('rule').notNull(),
    description: text('description').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invitation_rules_meeting_idx').on(t.meetingId)],
);

/** One invited person, by rule or by name, with the venue they attend from. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    ruleId: uuid('rule_id').references(() => invitationRules.id, { onDelete: 'set null' }),
    /** The venue was chosen by hand: the automatic bridge-point rule leaves it alone. */
    venueChosen: boolean('venue_chosen').notNull().default(false),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('invitations_meeting_person_unique').on(t.meetingId, t.personId),
    index('invitations_person_idx').on(t.personId),
    // a meeting page counts the invitations of each rule, and removing a rule or venue clears theirs: without these
    // the national data set's 49 M invitations were scanned (or planned as a scan, with half a second of JIT)
    index('invitations_rule_idx').on(t.ruleId).where(sql`${t.ruleId} is not null`),
    index('invitations_venue_idx').on(t.venueId).where(sql`${t.venueId} is not null`),
  ],
);

/** Who came: present, late, excused or absent (excused with its reason; absent with or without one), recorded by the secretary or by QR check-in. */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    status: attendanceStatus('status').notNull(),
    reason: text('reason'),
    method: text('method').notNull().default('secretary'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('attendance_meeting_person_unique').on(t.meetingId, t.personId),
    index('attendance_person_idx').on(t.personId),
    check('attendance_method', sql`${t.method} in ('secretary', 'qr')`),
    // an excused absence carries its reason; an unexcused one may have none («vắng không lý do»)
    check('attendance_reason', sql`${t.status} <> 'excused' or ${t.reason} is not null`),
  ],
);

/**
 * Participation totals kept per meeting and school: the people invited to a meeting or recorded at it (distinct),
 * and those present or late, placed at the school of their membership on the meeting's day (a team counts as its
 * school; null when they have none). The meeting's Vietnam day, held flag (held or minutes locked), host, network
 * and subjects are copied in, so the dashboard of an office reads these rows through the partial indexes alone.
 * Written only by the database's triggers on invitations, attendance, memberships, team links, meeting subjects and
 * meetings (migration 0015): the dashboard sums a few rows per meeting instead of recounting every record of a term.
 */
export const meetingParticipation = pgTable(
  'meeting_participation',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id'),
    invited: integer('invited').notNull(),
    present: integer('present').notNull(),
    day: date('day').notNull(),
    held: boolean('held').notNull(),
    hostOrgId: uuid('host_org_id').notNull(),
    networkId: uuid('network_id'),
    subjectIds: uuid('subject_ids').array().notNull(),
  },
  (t) => [
    index('meeting_participation_meeting_idx').on(t.meetingId),
    index('meeting_participation_host_idx').on(t.hostOrgId, t.day).where(sql`${t.held}`),
    index('meeting_participation_network_idx').on(t.networkId, t.day).where(sql`${t.held}`),
  ],
);

/** A file attached to a meeting (photos, slides, lesson plans). */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_meeting_idx').on(t.meetingId)],
);

/** A network's chat-group link per subject (Zalo), shown to its members. */
export const networkChatLinks = pgTable(
  'network_chat_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id').references(() => subjects.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    label: text('label'),
  },
  (t) => [unique('network_chat_links_unique').on(t.networkId, t.subjectId)],
);

/**
 * A network's online meeting link, typed once and reused by its meetings' venues: general (no subject, no org), per
 * subject, or per bridge point (the org that hosts it). The most specific link wins.
 */
export const networkMeetingLinks = pgTable(
  'network_meeting_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id').references(() => subjects.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
  },
  (t) => [unique('network_meeting_links_unique').on(t.networkId, t.subjectId, t.orgId).nullsNotDistinct()],
);
