import { liveCheckinCode as codeAtNow } from '../../../src/server/modules/attendance/rotatingCode';
import type { AuthzWorld, Role, Scope, Side, Who } from './fixtures';

/** What a route's request needs from the world to be built. */
export interface Ctx {
  w: AuthzWorld;
  s: Side;
  scope: Scope;
  /** Records built before the matrix runs (uploads, tokens, notices…), by name and scope. */
  extra: Record<string, Record<Scope, string>>;
  /** Builds a fresh record of a kind for one request (routes that delete or end something). */
  fresh: (kind: FreshKind, scope: Scope) => Promise<string>;
}

/** The code the secretary's screen shows now for the own meeting (derived at request time: it rotates); junk for other. */
function liveCheckinCode(c: Ctx): string {
  return c.scope === 'own' ? codeAtNow(c.extra.checkinSecret.own, c.s.meeting) : c.extra.checkinSecret.other;
}

export type FreshKind =
  | 'meeting'
  | 'note'
  | 'network'
  | 'material'
  | 'assignment'
  | 'area'
  | 'invitation'
  | 'rule'
  | 'attachment'
  | 'document';

/**
 * The expectation of one route: its access rule in words, and who may use it on the "own" records (in the roles'
 * reach) and on the "other" ones (Sở Bắc Giang: outside every Củ Chi role's reach). Routes without a record in the
 * path have one scope ("own" only). Anyone not listed must be refused: 401 when anonymous, 403 or 404 when logged in.
 */
export interface RouteSpec {
  rule: string;
  own: readonly Who[];
  other?: readonly Who[];
  /** Reachable without a session (anonymous refusals are then 403/404 like everyone else's). */
  public?: boolean;
  /**
   * The request body or query the matrix sends is refused by the route's schema before any authorisation, for every
   * logged-in caller (anonymous ones get 401 first): the matrix then asserts 400/415 and that nothing was written
   * (the rule is documented, not exercised).
   */
  validationFirst?: string;
  query?: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  /** Path parameters to use instead of the defaults (fillPath), e.g. a fresh record per request. */
  params?: (c: Ctx) => Promise<Record<string, string>> | Record<string, string>;
  /** Each role uses a session of its own that the request may end (log-out). */
  throwaway?: boolean;
}

const ALL: readonly Role[] = ['admin', 'specialist', 'communeLeader', 'principal', 'teamHead', 'teacher'];
const ADM: readonly Role[] = ['admin'];
/** Admins and office staff over THCS Tân Thạnh Đông: the Sở's specialist and the commune's office leader. */
const OFFICE: readonly Role[] = ['admin', 'specialist', 'communeLeader'];
/** Admins and the staff of the Sở itself (province-level writes, supervising office of Nhóm 1). */
const SO: readonly Role[] = ['admin', 'specialist'];
/** Readers of Nhóm 1's records: members' schools (Tân Thạnh Đông, Hòa Phú) and the offices above; not Thị Trấn 2. */
const NHOM1: readonly Role[] = ['admin', 'specialist', 'communeLeader', 'teamHead', 'teacher'];
/** People working at Tân Thạnh Đông (the team head) and the offices above it. */
const TTD: readonly Role[] = ['admin', 'specialist', 'communeLeader', 'teamHead'];
/** The lesson study's organisers on the own meeting: office staff above the host, and the presenter (the teacher). */
const ORGANISERS: readonly Role[] = ['admin', 'specialist', 'communeLeader', 'teacher'];

const year = (c: Ctx) => `schoolYearId=${c.w.yearId}`;
const fresh =
  (kind: FreshKind, param = 'id') =>
  async (c: Ctx) => ({ [param]: await c.fresh(kind, c.scope) });

/** Every API route, keyed "METHOD /api/url". */
export const ROUTE_SPECS: Record<string, RouteSpec> = {
  // ── accounts: admins only ──────────────────────────────────────────────────────────────────────
  'GET /api/accounts': { rule: 'admin only', own: ADM },
  'POST /api/accounts': { rule: 'admin only', own: ADM, validationFirst: 'body' },
  'POST /api/accounts/:id/disable': { rule: 'admin only (a Bắc Giang account)', own: ADM },
  'POST /api/accounts/:id/enable': { rule: 'admin only (a Bắc Giang account)', own: ADM },

  // ── programme (assignments): Sở staff write; the unit and offices above read; unit managers link ───────────────
  'GET /api/assignments': { rule: 'any logged-in user (filtered list)', own: ALL },
  'POST /api/assignments': { rule: 'Sở staff', own: SO, validationFirst: 'body' },
  'GET /api/assignments/:id': { rule: 'the unit and offices above', own: TTD, other: ADM },
  'PUT /api/assignments/:id': { rule: 'Sở staff', own: SO, other: ADM, validationFirst: 'body' },
  'DELETE /api/assignments/:id': { rule: 'Sở staff', own: SO, other: ADM, params: fresh('assignment') },
  'POST /api/assignments/:id/meeting': { rule: 'unit managers and offices above', own: OFFICE, other: ADM },
  'PUT /api/assignments/:id/meeting': {
    rule: 'unit managers and offices above',
    own: OFFICE,
    other: ADM,
    body: () => ({ meetingId: null }),
  },
  'GET /api/assignments/:id/meetings': { rule: 'unit managers and offices above', own: OFFICE, other: ADM },
  'GET /api/assignments/:id/preparation': { rule: 'the unit and offices above', own: TTD, other: ADM },
  'POST /api/assignments/:id/preparation': { rule: 'unit managers and offices above', own: OFFICE, other: ADM },

  // ── meeting files ─────────────────────────────────────────────────────────────────────────────────────────────
  'GET /api/attachments/:id': {
    rule: "the meeting's readers",
    own: ALL,
    other: ADM,
    params: (c) => ({ id: c.extra.attachment[c.scope] }),
  },
  'DELETE /api/attachments/:id': { rule: "the meeting's editors", own: OFFICE, other: ADM, params: fresh('attachment') },
  'GET /api/attendance/travel.xlsx': {
    rule: 'managers of the org and offices above',
    own: OFFICE,
    other: ADM,
    query: (c) => `from=2026-09-01&to=2026-12-31&orgId=${c.s.school}`,
  },
  'GET /api/audit': { rule: 'admins and office leaders (own subtree)', own: ['admin', 'communeLeader'] },

  // ── auth ────────────────────────────────────────────────────────────────────────────────────────────────────
  'POST /api/auth/login': { rule: 'public', own: ['anon', ...ALL], public: true, validationFirst: 'body' },
  'POST /api/auth/logout': { rule: 'any session', own: ALL, throwaway: true },
  'GET /api/auth/me': { rule: 'any logged-in user', own: ALL },
  'POST /api/auth/change-password': { rule: 'any logged-in user (own password)', own: ALL, validationFirst: 'body' },
  'GET /api/auth/signing-pin': { rule: 'any logged-in user (whether their own PIN is set)', own: ALL },
  'PUT /api/auth/signing-pin': { rule: 'any logged-in user (own PIN only: no id)', own: ALL, body: () => ({ pin: '2580' }) },
  'DELETE /api/auth/signing-pin': { rule: 'any logged-in user (own PIN only: no id)', own: ALL },

  // ── calendar feeds: the secret token is the credential ──────────────────────────────────────────────────────────
  'GET /api/calendar/network/:file': {
    rule: 'public with the network feed token; a wrong token finds nothing',
    public: true,
    own: ['anon', ...ALL],
    other: [],
    params: (c) => ({ file: c.extra.networkFeed[c.scope] }),
  },
  'GET /api/calendar/person/:file': {
    rule: 'public with the person feed token; a wrong token finds nothing',
    public: true,
    own: ['anon', ...ALL],
    other: [],
    params: (c) => ({ file: c.extra.personFeed[c.scope] }),
  },
  'POST /api/calendar/tokens': { rule: 'any logged-in user (own feed)', own: ALL, body: () => ({ kind: 'person' }) },
  'GET /api/checkin/:meetingId/:code': {
    rule: 'any logged-in user holding the live code (the QR now shown in the room) sees which meeting it is; another code is refused',
    own: ALL,
    other: [],
    params: (c) => ({ meetingId: c.s.meeting, code: liveCheckinCode(c) }),
  },
  'POST /api/checkin/:meetingId/:code': {
    rule: 'any logged-in user holding the live code (the QR now shown in the room), inside the time window; another code is refused',
    own: ALL,
    other: [],
    params: (c) => ({ meetingId: c.s.meeting, code: liveCheckinCode(c) }),
  },

  // ── dashboard ───────────────────────────────────────────────────────────────────────────────────────────────────
  'GET /api/dashboard/compliance': {
    rule: 'office staff and school managers (their scope)',
    own: ['admin', 'specialist', 'communeLeader', 'principal'],
  },
  'GET /api/dashboard/compliance/:table.xlsx': {
    rule: 'office staff and school managers (their scope)',
    own: ['admin', 'specialist', 'communeLeader', 'principal'],
    params: () => ({ table: 'networks' }),
  },

  // ── exports ─────────────────────────────────────────────────────────────────────────────────────────────────────
  'GET /api/exports/minutes/:meetingId.docx': { rule: "the meeting's participants, managers and offices above", own: ALL, other: ADM },
  'GET /api/exports/minutes/:meetingId.pdf': {
    rule: "the meeting's participants, managers and offices above (PDF/A through LibreOffice)",
    own: ALL,
    other: ADM,
  },
  'GET /api/signature-settings/:id': { rule: "the Sở's office staff", own: SO, other: ADM, params: (c) => ({ id: c.s.province }) },
  'PUT /api/signature-settings/:orgId/:formKind': {
    rule: "the Sở's office staff",
    own: SO,
    other: ADM,
    params: (c) => ({ orgId: c.s.province, formKind: 'minutes' }),
    body: () => ({ mode: 'account' }),
  },
  'GET /api/exports/schedule.docx': {
    rule: "network's schools and offices above",
    own: NHOM1,
    other: ADM,
    query: (c) => `networkId=${c.s.network}`,
  },
  'GET /api/exports/schedule.html': {
    rule: "network's schools and offices above",
    own: NHOM1,
    other: ADM,
    query: (c) => `networkId=${c.s.network}`,
  },
  'GET /api/exports/schedule.xlsx': {
    rule: "network's schools and offices above",
    own: NHOM1,
    other: ADM,
    query: (c) => `networkId=${c.s.network}`,
  },

  'GET /api/health': { rule: 'public', own: ['anon', ...ALL], public: true },
  'GET /api/home': { rule: 'any logged-in user', own: ALL },
  'GET /api/home/todo': { rule: "any logged-in user: their own work, each item by its module's rule", own: ALL },

  // ── imports ─────────────────────────────────────────────────────────────────────────────────────────────────────
  'POST /api/imports': {
    rule: 'admins, office staff, school managers',
    own: ['admin', 'specialist', 'communeLeader', 'principal'],
    validationFirst: 'multipart',
  },
  'GET /api/imports/:id': {
    rule: 'the job creator and admins',
    own: ['admin', 'specialist'],
    params: (c) => ({ id: c.extra.importJob.own }),
  },
  'GET /api/imports/templates/:kind': {
    rule: 'admins, office staff, school managers',
    own: ['admin', 'specialist', 'communeLeader', 'principal'],
    params: () => ({ kind: 'staff' }),
  },

  // ── inspections: Sở staff write; the unit's managers and offices above read ─────────────────────────────────
  'GET /api/inspection-areas': { rule: 'any logged-in user (filtered to their province)', own: ALL },
  'POST /api/inspection-areas': { rule: 'Sở staff', own: SO, validationFirst: 'body' },
  'DELETE /api/inspection-areas/:id': { rule: 'Sở staff', own: SO, other: ADM, params: fresh('area') },
  'GET /api/inspection-documents/:id': {
    rule: 'readers of the inspection',
    own: OFFICE,
    other: ADM,
    params: (c) => ({ id: c.extra.document[c.scope] }),
  },
  'DELETE /api/inspection-documents/:id': {
    rule: "the unit's side and the Sở while planned",
    own: OFFICE,
    other: ADM,
    params: fresh('document'),
  },
  'GET /api/inspections': { rule: 'any logged-in user (filtered)', own: ALL },
  'POST /api/inspections': { rule: 'Sở staff', own: SO, validationFirst: 'body' },
  'GET /api/inspections/:id': { rule: "Sở, offices above the unit, the unit's managers", own: OFFICE, other: ADM },
  'POST /api/inspections/:id/documents': {
    rule: "the unit's side and the Sở",
    own: OFFICE,
    other: ADM,
    validationFirst: 'query and multipart',
  },
  'PUT /api/inspections/:id/record': { rule: 'Sở staff', own: SO, other: ADM, validationFirst: 'body' },
  'GET /api/inspections/:id/record.docx': { rule: "Sở, offices above the unit, the unit's managers", own: OFFICE, other: ADM },
  'GET /api/inspections/phu-luc-2.docx': {
    rule: 'any logged-in user; inspection plan rows filtered to those the reader may see (the lists test checks the filter)',
    own: ALL,
    other: ALL,
    query: (c) => `${year(c)}&provinceOrgId=${c.s.province}`,
  },
  'GET /api/inspections/phu-luc-2.xlsx': {
    rule: 'any logged-in user; inspection plan rows filtered to those the reader may see (the lists test checks the filter)',
    own: ALL,
    other: ALL,
    query: (c) => `${year(c)}&provinceOrgId=${c.s.province}`,
  },

  // ── lesson study: the study group only ────────────────────────────────────────────────────────────────────────
  'GET /api/lesson-study/:id': { rule: 'the study group', own: ALL, other: ADM },
  'PUT /api/lesson-study/:id/analysis': {
    rule: 'organisers (host managers, offices above, chair, secretary, presenters)',
    own: ORGANISERS,
    other: ADM,
    body: () => ({ teacherShare: 'Chia sẻ', evidence: 'Minh chứng', expertView: 'Góp ý' }),
  },
  'POST /api/lesson-study/:id/analysis/to-minutes': { rule: "the minutes' writers (chair, secretary) only", own: [], other: [] },
  'GET /api/lesson-study/:id/compare': { rule: 'the study group', own: ALL, other: ADM },
  'PUT /api/lesson-study/:id/layout': {
    rule: 'the study group',
    own: ALL,
    other: ADM,
    body: () => ({ layout: { kind: 'grid', rows: 2, cols: 2 } }),
  },
  'PUT /api/lesson-study/:id/step': { rule: 'organisers', own: ORGANISERS, other: ADM, body: () => ({ step: 2 }) },
  'POST /api/lesson-study/:id/versions': { rule: 'the study group', own: ALL, other: ADM, body: () => ({ bodyHtml: '<p>Bản sửa</p>' }) },
  'POST /api/lesson-study/:id/versions/file': { rule: 'the study group (a JSON body is then refused as 415)', own: ALL, other: ADM },
  'POST /api/lesson-study/versions/:id/comments': { rule: 'the study group', own: ALL, other: ADM, body: () => ({ body: 'Góp ý' }) },
  'GET /api/lesson-study/versions/:id/file': { rule: 'the study group', own: ALL, other: ADM },

  // ── materials: visibility "network": owner school, offices above, schools sharing a network ─────────────────
  'GET /api/materials': { rule: 'any logged-in user (filtered)', own: ALL },
  'POST /api/materials': { rule: 'anyone working in a school', own: ALL, validationFirst: 'multipart' },
  'DELETE /api/materials/:id': {
    rule: 'uploader, owner school managers, offices above',
    own: OFFICE,
    other: ADM,
    params: fresh('material'),
  },
  'GET /api/materials/:id': { rule: 'readers by visibility', own: ALL, other: ADM },
  'GET /api/materials/:id/comments': { rule: 'readers by visibility', own: ALL, other: ADM },
  'POST /api/materials/:id/comments': { rule: 'readers by visibility', own: ALL, other: ADM, body: () => ({ body: 'Tài liệu hữu ích' }) },
  'GET /api/materials/:id/file': { rule: 'readers by visibility', own: ALL, other: ADM },
  'POST /api/materials/publish': { rule: 'readers of the attachment', own: ALL, validationFirst: 'body' },

  // ── meetings: editors = host managers, offices above, network leaders, chair, secretary; readers add invitees ──
  'GET /api/meetings': { rule: 'any logged-in user (filtered)', own: ALL },
  'POST /api/meetings': { rule: 'host managers and offices above', own: OFFICE, validationFirst: 'body' },
  'DELETE /api/meetings/:id': { rule: 'editors', own: OFFICE, other: ADM, params: fresh('meeting') },
  'GET /api/meetings/:id': { rule: 'readers (invitees, host and network schools, offices above)', own: ALL, other: ADM },
  'PUT /api/meetings/:id': { rule: 'editors', own: OFFICE, other: ADM, validationFirst: 'body' },
  'POST /api/meetings/:id/apply-bridge-rule': { rule: 'editors', own: OFFICE, other: ADM, params: fresh('meeting') },
  'POST /api/meetings/:id/attachments': { rule: 'editors (a JSON body is then refused as 415)', own: OFFICE, other: ADM },
  'GET /api/meetings/:id/attendance': {
    rule: 'attendance recorders (secretary, chair, host managers, offices above)',
    own: OFFICE,
    other: ADM,
  },
  'PUT /api/meetings/:id/attendance': {
    rule: 'attendance recorders',
    own: OFFICE,
    other: ADM,
    body: (c) => ({ entries: [{ personId: c.s.person, status: 'present' }] }),
  },
  'GET /api/meetings/:id/attendance/summary': { rule: "the meeting's record readers", own: ALL, other: ADM },
  'POST /api/meetings/:id/cancel': {
    rule: 'editors',
    own: OFFICE,
    other: ADM,
    params: fresh('meeting'),
    body: () => ({ reason: 'Trùng lịch' }),
  },
  'GET /api/meetings/:id/checkin-code': { rule: 'attendance recorders', own: OFFICE, other: ADM },
  'POST /api/meetings/:id/held': { rule: 'editors', own: OFFICE, other: ADM, params: fresh('meeting') },
  'POST /api/meetings/:id/invitation-rules': { rule: 'editors', own: OFFICE, other: ADM, validationFirst: 'body' },
  'POST /api/meetings/:id/invitation-rules/preview': { rule: 'editors', own: OFFICE, other: ADM, validationFirst: 'body' },
  'DELETE /api/meetings/:id/invitation-rules/:ruleId': {
    rule: 'editors',
    own: OFFICE,
    other: ADM,
    params: async (c) => ({ id: c.s.spareMeeting, ruleId: await c.fresh('rule', c.scope) }),
  },
  'POST /api/meetings/:id/invitations': { rule: 'editors', own: OFFICE, other: ADM, body: (c) => ({ personIds: [c.s.person] }) },
  'DELETE /api/meetings/:id/invitations/:invitationId': {
    rule: 'editors',
    own: OFFICE,
    other: ADM,
    params: async (c) => ({ id: c.s.spareMeeting, invitationId: await c.fresh('invitation', c.scope) }),
  },
  'PUT /api/meetings/:id/invitations/:invitationId': { rule: 'editors', own: OFFICE, other: ADM, body: () => ({ venueId: null }) },
  'GET /api/meetings/:id/minutes': { rule: "the meeting's record readers", own: ALL, other: ADM },
  'PUT /api/meetings/:id/minutes': {
    rule: 'the secretary and the chair only (on a meeting whose minutes are still a draft)',
    params: (c) => ({ id: c.s.spareMeeting }),
    own: [],
    other: [],
    body: () => ({ discussion: '<p>Ghi chép</p>', recommendations: '' }),
  },
  'POST /api/meetings/:id/minutes/addenda': {
    rule: 'the secretary and the chair, once locked; readers of the meeting reach the state check first (409 while signing)',
    own: ALL,
    other: ADM,
    body: () => ({ content: 'Đính chính' }),
  },
  'POST /api/meetings/:id/minutes/addenda/:addendumId/sign': {
    rule: 'participants (present or late attendees, chair, secretary)',
    own: ['principal', 'teamHead'],
    other: [],
    params: (c) => ({ id: c.s.meeting, addendumId: c.extra.addendum[c.scope] }),
  },
  'POST /api/meetings/:id/minutes/sign': {
    rule: 'participants (present or late attendees, chair, secretary) while the minutes are out for signing',
    own: ['principal', 'teamHead'],
    other: [],
  },
  'POST /api/meetings/:id/minutes/venue-sign': {
    rule: "the meeting's chair or secretary, for a required signer (no demo role is either; the id axis uses the chair)",
    own: [],
    other: [],
    body: (c) => ({ personId: c.w.persons.teamHead, password: 'sai-mat-khau' }),
  },
  'POST /api/meetings/:id/minutes/start-signing': {
    rule: 'the secretary and the chair only (on a meeting whose minutes are still a draft)',
    own: [],
    other: [],
    params: (c) => ({ id: c.s.spareMeeting }),
  },
  'POST /api/meetings/:id/minutes/seal': {
    // The matrix's principal leads another school than the own meeting's host (Tân Thạnh Đông): refused like the
    // team head and the teacher; the host's own principal sealing is in signatures.test.ts.
    rule: "the host school's leaders and the offices above (no seal configured here: 409 once allowed)",
    own: OFFICE,
    other: ADM,
  },
  'GET /api/meetings/:id/minutes/verify': { rule: "the meeting's record readers", own: ALL, other: ADM },
  'POST /api/meetings/:id/postpone': {
    rule: 'editors',
    own: OFFICE,
    other: ADM,
    params: fresh('meeting'),
    body: () => ({ reason: 'Trùng lịch' }),
  },
  'POST /api/meetings/:id/schedule': { rule: 'editors', own: OFFICE, other: ADM, params: fresh('meeting') },
  'GET /api/meetings/mine': { rule: 'any logged-in user (own meetings)', own: ALL },
  'GET /api/meetings/mine/upcoming': { rule: 'any logged-in user (own meetings)', own: ALL },
  'GET /api/meetings/mine/past': { rule: 'any logged-in user (own meetings)', own: ALL },

  // ── networks: public facts; the supervising office writes (Nhóm 1 is supervised by the Sở) ────────────────────
  'GET /api/networks': { rule: 'any logged-in user', own: ALL },
  'POST /api/networks': { rule: 'supervising offices', own: OFFICE, validationFirst: 'body' },
  'DELETE /api/networks/:id': { rule: 'the supervising office', own: SO, other: ADM, params: fresh('network') },
  'GET /api/networks/:id': { rule: 'any logged-in user (public facts)', own: ALL, other: ALL },
  'PUT /api/networks/:id': { rule: 'the supervising office', own: SO, other: ADM, validationFirst: 'body' },
  'GET /api/networks/:id/chat-links': { rule: "members' schools and offices above", own: NHOM1, other: ADM },
  'GET /api/networks/:id/meeting-links': { rule: "members' schools and offices above", own: NHOM1, other: ADM },
  'PUT /api/networks/:id/meeting-links': {
    rule: 'leaders and office staff over the supervising org',
    own: SO,
    other: ADM,
    body: () => ({ links: [] }),
  },
  'PUT /api/networks/:id/chat-links': {
    rule: 'leaders and office staff over the supervising org',
    own: SO,
    other: ADM,
    body: () => ({ links: [] }),
  },
  'POST /api/networks/:id/roll-over': {
    rule: 'the supervising office',
    own: SO,
    other: ADM,
    params: fresh('network'),
    body: (c) => ({ schoolYearId: c.extra.previousYear.own }),
  },

  // ── notifications: personal; the outbox is for admins ─────────────────────────────────────────────────────────
  'GET /api/notifications': { rule: 'any logged-in user (own notices)', own: ALL },
  'POST /api/notifications/:id/read': {
    rule: "the notice's person only (the teacher's notice; a Bắc Giang person's notice)",
    own: ['teacher'],
    other: [],
    params: (c) => ({ id: c.extra.notice[c.scope] }),
  },
  'GET /api/notifications/outbox': { rule: 'admin only', own: ADM },
  'POST /api/notifications/outbox/:id/retry': { rule: 'admin only', own: ADM, params: (c) => ({ id: c.extra.outbox.own }) },
  'GET /api/notifications/preferences': { rule: 'any logged-in user (own)', own: ALL },
  'PUT /api/notifications/preferences': { rule: 'any logged-in user (own)', own: ALL, validationFirst: 'body' },
  'POST /api/notifications/read-all': { rule: 'any logged-in user (own)', own: ALL },

  // ── observation notes: the observer's alone until shared (own note: the teacher's) ────────────────────────────
  'DELETE /api/observation-notes/:id': { rule: 'the observer only', own: ['teacher'], other: [], params: fresh('note') },
  'PUT /api/observation-notes/:id': {
    rule: 'the observer only',
    own: ['teacher'],
    other: [],
    body: (c) => ({ meetingId: c.s.meeting, observedAt: '2026-11-20T08:05:00+07:00', text: 'Học sinh hăng hái' }),
  },
  'DELETE /api/observation-notes/:id/photo': { rule: 'the observer only', own: ['teacher'], other: [], params: fresh('note') },
  'GET /api/observation-notes/:id/photo': { rule: 'the observer until shared', own: ['teacher'], other: [] },
  'PUT /api/observation-notes/:id/photo': { rule: 'the observer only (a JSON body is then refused as 415)', own: ['teacher'], other: [] },
  'POST /api/observation-notes/:id/share': { rule: 'the observer only', own: ['teacher'], other: [], params: fresh('note') },
  'GET /api/observations/:id/analysis': { rule: 'the study group', own: ALL, other: ADM },
  'GET /api/observations/:id/mine': { rule: 'the study group', own: ALL, other: ADM },
  'POST /api/observations/:id/share': { rule: 'the study group (shares their own notes)', own: ALL, other: ADM },

  // ── orgs: public facts; staff lists private; office staff over the org write ────────────────────────────────
  'POST /api/orgs': { rule: 'managers of the parent, offices above', own: OFFICE, validationFirst: 'body' },
  'GET /api/orgs/:id': { rule: 'any logged-in user (public facts)', own: ALL, other: ALL },
  'PUT /api/orgs/:id': {
    rule: 'school managers and offices above',
    own: OFFICE,
    other: ADM,
    body: (c) => JSON.parse(c.extra.orgBody[c.scope]),
  },
  'POST /api/orgs/:id/move': { rule: 'offices above', own: OFFICE, other: ADM, validationFirst: 'body' },
  'POST /api/orgs/:id/parent': {
    rule: 'offices above the org, the old and the new parent',
    own: OFFICE,
    other: ADM,
    validationFirst: 'body',
  },
  'GET /api/orgs/:id/ending': {
    rule: 'those who may edit the org (what still points at it if it ended)',
    own: OFFICE,
    other: ADM,
    query: () => 'validTo=2027-06-30',
  },
  'GET /api/orgs/:id/people': { rule: 'members of the school, its managers, offices above (private staff list)', own: TTD, other: ADM },
  'GET /api/orgs/:orgId/rules/:schoolYearId': { rule: 'any logged-in user (public instructions)', own: ALL, other: ALL },
  'PUT /api/orgs/:orgId/rules/:schoolYearId': { rule: 'office staff over the org', own: OFFICE, other: ADM, validationFirst: 'body' },
  'PUT /api/orgs/:orgId/rules/:schoolYearId/breaks': {
    rule: 'office staff over the org',
    own: OFFICE,
    other: ADM,
    body: () => ({ breaks: [] }),
  },
  'POST /api/orgs/:orgId/rules/:schoolYearId/preset': {
    rule: 'office staff over the org',
    own: OFFICE,
    other: ADM,
    body: () => ({ preset: 'cu_chi' }),
  },
  'GET /api/orgs/:teamId/meetings-count': {
    rule: "anyone working in the team's school, offices above",
    own: TTD,
    other: ADM,
    query: () => 'from=2026-09-01&to=2027-05-31',
  },
  'GET /api/orgs/search': { rule: 'any logged-in user', own: ALL, query: () => 'q=thcs' },
  'GET /api/orgs/tree': { rule: 'any logged-in user', own: ALL },

  // ── panels: organisers = office staff over the organiser (the Sở) ─────────────────────────────────────────────
  'GET /api/panels': { rule: 'any logged-in user (filtered)', own: ALL },
  'POST /api/panels': { rule: 'office staff', own: OFFICE, validationFirst: 'body' },
  'GET /api/panels/:id': { rule: 'organisers, panel, anyone working under the organiser', own: ALL, other: ADM },
  'POST /api/panels/:id/entries': { rule: 'team heads, school managers, offices above', own: TTD, other: ADM, validationFirst: 'body' },
  'PUT /api/panels/:id/entries/:entryId/score': { rule: 'panel members only', own: [], other: [], body: () => ({ points: {} }) },
  'GET /api/panels/:id/results.docx': { rule: 'organisers', own: SO, other: ADM },
  'POST /api/panels/:id/selection': { rule: "the panel's head only", own: [], other: [], body: () => ({ entryIds: [] }) },
  'GET /api/panels/tie-break': { rule: 'public (the fixed tie-break rule text, no data)', own: ['anon', ...ALL], public: true },

  // ── people: private to colleagues, managers, offices above ────────────────────────────────────────────────────
  'GET /api/people': { rule: 'any logged-in user (filtered to readable people)', own: ALL },
  'POST /api/people': { rule: 'school managers and offices above', own: OFFICE, validationFirst: 'body' },
  'GET /api/people/:id': { rule: 'colleagues of the same school, managers, offices above', own: TTD, other: ADM },
  'PUT /api/people/:id': { rule: 'school managers and offices above', own: OFFICE, other: ADM, validationFirst: 'body' },

  // ── plans and proposals (own plan: Nhóm 1's, reviewed by the Sở) ─────────────────────────────────────────────
  'GET /api/plan-proposals': { rule: 'drafters of the network plan', own: OFFICE, other: ADM, query: (c) => `networkId=${c.s.network}` },
  'POST /api/plan-proposals': { rule: 'drafters of the network plan', own: OFFICE, validationFirst: 'body' },
  'GET /api/plans': { rule: 'any logged-in user (filtered)', own: ALL },
  'POST /api/plans': { rule: 'drafters', own: OFFICE, validationFirst: 'body' },
  'GET /api/plans/:id': { rule: "drafters, reviewers, members' schools", own: NHOM1, other: ADM },
  'PUT /api/plans/:id': { rule: 'drafters', own: OFFICE, other: ADM, validationFirst: 'body' },
  'POST /api/plans/:id/approve': { rule: 'reviewers (office staff over the Sở)', own: SO, other: ADM },
  'POST /api/plans/:id/copy-forward': { rule: 'drafters', own: OFFICE, other: ADM },
  'POST /api/plans/:id/items/:itemId/status': { rule: 'drafters', own: OFFICE, other: ADM, body: () => ({ status: 'held' }) },
  'GET /api/plans/:id/schedule': { rule: 'drafters (the meetings an approved plan becomes)', own: OFFICE, other: ADM },
  'POST /api/plans/:id/schedule': { rule: 'drafters, and the meetings create rule for each host', own: OFFICE, other: ADM },
  'POST /api/plans/:id/return': { rule: 'reviewers', own: SO, other: ADM, body: () => ({ comment: 'Bổ sung nội dung' }) },
  'POST /api/plans/:id/submit': { rule: 'drafters', own: OFFICE, other: ADM },
  'GET /api/plans/can': { rule: 'any logged-in user (flags for the network)', own: ALL, query: (c) => `networkId=${c.s.network}` },

  // ── programme documents ───────────────────────────────────────────────────────────────────────────────────────
  'GET /api/programme/can': { rule: 'any logged-in user (flags)', own: ALL },
  'GET /api/programme/phu-luc-1.docx': {
    rule: 'any logged-in user; programme rows filtered to those the reader may see (the lists test checks the filter)',
    own: ALL,
    other: ALL,
    query: (c) => `${year(c)}&provinceOrgId=${c.s.province}`,
  },
  'GET /api/programme/phu-luc-1.xlsx': {
    rule: 'any logged-in user; programme rows filtered to those the reader may see (the lists test checks the filter)',
    own: ALL,
    other: ALL,
    query: (c) => `${year(c)}&provinceOrgId=${c.s.province}`,
  },

  // ── reports: teachers and other schools never read them (absent colleagues with reasons) ─────────────────────
  'GET /api/reports': { rule: 'any logged-in user (filtered)', own: ALL },
  'POST /api/reports': { rule: 'drafters', own: OFFICE, validationFirst: 'body' },
  'GET /api/reports/:id': { rule: "drafters, reviewers, managers of members' schools", own: OFFICE, other: ADM },
  'PUT /api/reports/:id': { rule: 'drafters', own: OFFICE, other: ADM },
  'POST /api/reports/:id/accept': { rule: 'reviewers', own: SO, other: ADM },
  'GET /api/reports/:id/document.docx': { rule: "drafters, reviewers, managers of members' schools", own: OFFICE, other: ADM },
  'POST /api/reports/:id/return': { rule: 'reviewers', own: SO, other: ADM, body: () => ({ comment: 'Bổ sung' }) },
  'POST /api/reports/:id/submit': { rule: 'drafters', own: OFFICE, other: ADM },
  'GET /api/reports/:id/tables.xlsx': { rule: "drafters, reviewers, managers of members' schools", own: OFFICE, other: ADM },
  'GET /api/reports/can': { rule: 'any logged-in user (flags)', own: ALL, query: (c) => `networkId=${c.s.network}` },
  'GET /api/reports/rollup': {
    rule: 'office staff over the org, its managers',
    own: OFFICE,
    other: ADM,
    query: (c) => `orgId=${c.s.school}&${year(c)}`,
  },
  'GET /api/reports/rollup.docx': {
    rule: 'office staff over the org, its managers',
    own: OFFICE,
    other: ADM,
    query: (c) => `orgId=${c.s.school}&${year(c)}`,
  },
  'GET /api/reports/rollup.xlsx': {
    rule: 'office staff over the org, its managers',
    own: OFFICE,
    other: ADM,
    query: (c) => `orgId=${c.s.school}&${year(c)}`,
  },

  // ── rubrics, school years, subjects ───────────────────────────────────────────────────────────────────────────
  'GET /api/rubrics': { rule: 'any logged-in user (filtered)', own: ALL },
  'POST /api/rubrics': { rule: 'office staff over the owner', own: OFFICE, validationFirst: 'body' },
  'GET /api/rubrics/:id': { rule: 'anyone working under the owner, and above', own: ALL, other: ADM },
  'PUT /api/rubrics/:id': { rule: 'office staff over the owner', own: SO, other: ADM, validationFirst: 'body' },
  'GET /api/school-years': { rule: 'any logged-in user', own: ALL },
  'POST /api/school-years': { rule: 'admin only', own: ADM, validationFirst: 'body' },
  'PUT /api/school-years/:id': { rule: 'admin only', own: ADM, validationFirst: 'body' },
  'GET /api/subjects': { rule: 'any logged-in user', own: ALL },
};
