import type { Role } from './fixtures';
import type { IdWorld } from './idWorld';
import type { Ctx } from './spec';

/** What a request of the id axis is built from: the matrix's context plus the id axis's extra records. */
export type IdCtx = Ctx & { x: IdWorld };

/**
 * A route's normal request on the own records for the id axis, when the matrix's own one does not carry the route's
 * id fields or is refused by the schema (`validationFirst`). Each variant is a complete valid request: a schema with
 * alternatives (a network's or an org's plan, the three invitation scopes) needs one variant per alternative.
 */
export interface IdAxisSpec {
  /** The caller (default: the first non-admin role the matrix allows on the own records). */
  caller?: Role | 'panelHead' | 'leader';
  params?: (c: IdCtx) => Promise<Record<string, string>> | Record<string, string>;
  bodies?: (c: IdCtx) => unknown[];
  queries?: (c: IdCtx) => string[];
}

const at = (day: string, time: string) => `${day}T${time}:00+07:00`;
const planItem = (c: IdCtx, proposedDate = '2026-10-15') => ({
  kind: 'demo_lesson',
  subjectIds: [c.x.toan],
  content: 'Thao giảng Toán 8',
  hostOrgId: c.s.school,
  presenterPersonId: c.s.person,
  presenterOrgId: c.s.team,
  proposedDate,
});
const meetingBody = (c: IdCtx, venueId: string | null) => ({
  kind: 'demo_lesson',
  title: 'Thao giảng Toán 8 (trục mã)',
  subjectIds: [c.x.toan],
  hostOrgId: c.s.school,
  networkId: c.s.network,
  schoolYearId: c.w.yearId,
  startsAt: at('2027-03-02', '07:30'),
  endsAt: at('2027-03-02', '10:30'),
  chairPersonId: c.w.persons.teamHead,
  secretaryPersonId: c.s.person,
  presenters: [{ personId: c.s.person, orgId: c.s.team }],
  agenda: [{ startsAt: '07:30', endsAt: '08:15', title: 'Dạy minh họa', presenterPersonId: c.s.person }],
  venues: [{ ...(venueId ? { id: venueId } : {}), isCentral: true, orgId: c.s.school, name: 'Phòng họp tổ' }],
});
const networkBody = (c: IdCtx, name: string) => ({
  kind: 'school_group',
  name,
  schoolYearId: c.w.yearId,
  supervisingOrgId: c.s.province,
  parentNetworkId: c.s.network,
  leadOrgId: c.s.school,
  memberOrgIds: [c.s.school, c.x.own.member],
  leaders: [{ personId: c.w.persons.teamHead, role: 'leader' }],
});
const rubricBody = (c: IdCtx) => ({
  ownerOrgId: c.s.province,
  name: 'Tiêu chí trục mã',
  purpose: 'dossier',
  groups: [{ title: 'Hồ sơ', criteria: [{ title: 'Đầy đủ', maxPoints: 10 }] }],
});
const person = (c: IdCtx) => ({
  fullName: 'Giáo viên Trục Mã',
  subjectIds: [c.x.toan],
  positions: [{ orgId: c.s.team, position: 'teacher' }],
});

/** The id axis's requests, by route ("METHOD /api/url"); routes not listed use the matrix's own request. */
export const ID_AXIS: Record<string, IdAxisSpec> = {
  'POST /api/assignments': {
    bodies: (c) => [{ schoolYearId: c.w.yearId, level: 'lower_secondary', unitOrgId: c.s.school, subjectId: c.x.toan, month: '2027-05' }],
  },
  'PUT /api/assignments/:id': {
    bodies: (c) => [{ schoolYearId: c.w.yearId, level: 'lower_secondary', unitOrgId: c.s.school, subjectId: c.x.toan, month: '2027-03' }],
  },
  'PUT /api/assignments/:id/meeting': { bodies: (c) => [{ meetingId: c.s.meeting }] },
  'POST /api/calendar/tokens': { bodies: (c) => [{ kind: 'network', networkId: c.s.network }] },
  'GET /api/dashboard/compliance': { queries: (c) => [`orgId=${c.s.province}`, `networkId=${c.s.network}`] },
  'GET /api/dashboard/compliance/:table.xlsx': {
    params: () => ({ table: 'networks' }),
    queries: (c) => [`orgId=${c.s.province}`, `networkId=${c.s.network}`],
  },
  'GET /api/exports/schedule.docx': { queries: (c) => [`networkId=${c.s.network}`, `orgId=${c.s.school}&schoolYearId=${c.w.yearId}`] },
  'GET /api/exports/schedule.html': { queries: (c) => [`networkId=${c.s.network}`, `orgId=${c.s.school}&schoolYearId=${c.w.yearId}`] },
  'GET /api/exports/schedule.xlsx': { queries: (c) => [`networkId=${c.s.network}`, `orgId=${c.s.school}&schoolYearId=${c.w.yearId}`] },
  'POST /api/inspection-areas': {
    bodies: (c) => [
      { schoolYearId: c.w.yearId, provinceOrgId: c.s.province, label: 'Cụm trục mã', areaOrgIds: [c.x.own.parent], month: '2027-04' },
    ],
  },
  'POST /api/inspections': {
    bodies: (c) => [
      { schoolYearId: c.w.yearId, areaId: c.x.own.area, unitOrgId: c.s.school, visitDate: '2027-05-12', inspectors: ['Nguyễn Văn An'] },
      { schoolYearId: c.w.yearId, networkId: c.s.network, visitDate: '2027-05-13', inspectors: ['Nguyễn Văn An'] },
    ],
  },
  'GET /api/lesson-study/:id/compare': { queries: (c) => [`from=${c.s.version}&to=${c.s.version}`] },
  'POST /api/materials/publish': {
    bodies: (c) => [{ title: 'Học liệu trục mã', materialKind: 'other', visibility: 'network', attachmentId: c.extra.attachment.own }],
  },
  'POST /api/meetings': {
    caller: 'leader',
    bodies: (c) => [
      meetingBody(c, null),
      { planItemId: c.x.own.approvedItem, startsAt: at('2027-03-09', '07:30'), endsAt: at('2027-03-09', '10:30') },
    ],
  },
  'PUT /api/meetings/:id': {
    caller: 'leader',
    params: (c) => ({ id: c.s.spareMeeting }),
    bodies: (c) => [meetingBody(c, c.x.own.spareVenue)],
  },
  'POST /api/meetings/:id/invitation-rules': {
    params: (c) => ({ id: c.s.spareMeeting }),
    bodies: (c) => [
      { rule: { subjectIds: [c.x.toan], positions: ['teacher'], scope: { networkId: c.s.network } } },
      { rule: { subjectIds: [c.x.toan], positions: ['teacher'], scope: { orgIds: [c.s.school] } } },
      { rule: { subjectIds: [c.x.toan], positions: ['teacher'], scope: { underOrgId: c.s.school } } },
    ],
  },
  'POST /api/meetings/:id/invitation-rules/preview': {
    params: (c) => ({ id: c.s.spareMeeting }),
    bodies: (c) => [
      { rule: { subjectIds: [c.x.toan], positions: ['teacher'], scope: { networkId: c.s.network }, levels: [] } },
      { rule: { subjectIds: [c.x.toan], positions: ['teacher'], scope: { orgIds: [c.s.school] } } },
      { rule: { subjectIds: [c.x.toan], positions: ['teacher'], scope: { underOrgId: c.s.school } } },
    ],
  },
  'POST /api/meetings/:id/invitations': {
    params: (c) => ({ id: c.s.spareMeeting }),
    bodies: (c) => [{ personIds: [c.w.persons.teamHead], venueId: c.x.own.spareVenue }],
  },
  'PUT /api/meetings/:id/attendance': {
    params: (c) => ({ id: c.s.spareMeeting }),
    bodies: (c) => [{ entries: [{ personId: c.s.person, status: 'present' }] }],
  },
  'PUT /api/meetings/:id/invitations/:invitationId': {
    params: (c) => ({ id: c.s.spareMeeting, invitationId: c.x.own.spareInvitation }),
    bodies: (c) => [{ venueId: c.x.own.spareVenue }],
  },
  'POST /api/networks': { bodies: (c) => [networkBody(c, 'Nhóm mới trục mã')] },
  'PUT /api/networks/:id/meeting-links': {
    bodies: (c) => [
      { links: [{ url: 'https://meet.google.com/truc-ma' }, { orgId: c.s.school, url: 'https://meet.google.com/truc-ma-2' }] },
    ],
  },
  'PUT /api/networks/:id': {
    params: async (c) => ({ id: await c.fresh('network', 'own') }),
    bodies: (c) => [networkBody(c, 'Nhóm sửa trục mã')],
  },
  'POST /api/networks/:id/roll-over': {
    params: async (c) => ({ id: await c.fresh('network', 'own') }),
    bodies: (c) => [{ schoolYearId: c.extra.previousYear.own, supervisingOrgId: c.s.province }],
  },
  'POST /api/orgs': {
    bodies: (c) => [{ code: 'TO-TRUC-MA', name: 'Tổ Trục Mã', type: 'team', levels: [], parentId: c.s.school, subjectIds: [c.x.toan] }],
  },
  'PUT /api/orgs/:id': { bodies: (c) => [{ ...JSON.parse(c.extra.orgBody.own), parentId: c.x.own.parent }] },
  'POST /api/orgs/:id/move': {
    params: (c) => ({ id: c.x.own.looseTeam }),
    bodies: (c) => [{ parentId: c.x.own.member, validFrom: '2026-12-01' }],
  },
  'POST /api/orgs/:id/parent': {
    params: (c) => ({ id: c.x.own.looseTeam }),
    // back to its own school, after the move above (from 01/12/2026): a link starts after the current one
    bodies: (c) => [{ parentId: c.s.school, from: '2026-12-03' }],
  },
  'POST /api/panels': {
    bodies: (c) => [
      {
        organiserOrgId: c.s.province,
        title: 'Hội thi trục mã',
        eventDate: '2027-04-20',
        submissionDeadline: at('2027-04-10', '17:00'),
        selectCount: 1,
        rubricId: c.s.rubric,
        headPersonId: c.w.persons.teamHead,
        memberIds: [c.s.person],
      },
    ],
  },
  'POST /api/panels/:id/entries': {
    params: async (c) => ({ id: c.s.panel }),
    bodies: (c) => [
      {
        teamOrgId: c.s.team,
        presenterIds: [c.w.persons.teamHead],
        dossier: [{ part: 'video', title: 'Video báo cáo', materialId: c.s.material }],
      },
    ],
  },
  'POST /api/panels/:id/selection': {
    caller: 'panelHead',
    params: (c) => ({ id: c.x.own.readyPanel }),
    bodies: (c) => [{ entryIds: [c.x.own.readyEntry] }],
  },
  // The pickers' meeting scope (issue 15): an existing meeting the caller edits, or a host (and network) they may create at.
  'GET /api/people': { queries: (c) => [`meetingId=${c.s.meeting}`, `hostOrgId=${c.s.school}&networkId=${c.s.network}`] },
  'POST /api/people': { bodies: (c) => [person(c)] },
  'PUT /api/people/:id': { bodies: (c) => [person(c)] },
  'POST /api/plan-proposals': {
    bodies: (c) => [{ networkId: c.s.network, termId: c.x.termId, title: 'Kế hoạch đề xuất', items: [planItem(c)] }],
  },
  'POST /api/plans': {
    bodies: (c) => [
      { networkId: c.s.network, schoolYearId: c.w.yearId, termNumber: 1, title: 'Kế hoạch học kỳ I', items: [planItem(c)] },
      { orgId: c.s.school, schoolYearId: c.w.yearId, termNumber: 1, title: 'Kế hoạch của trường', items: [planItem(c)] },
    ],
  },
  // Venue signing: the own meeting's chair holds the device; the team head signs with their own password.
  'POST /api/meetings/:id/minutes/venue-sign': {
    caller: 'panelHead',
    bodies: (c) => [{ personId: c.w.persons.teamHead, password: 'lientruong2026' }],
  },
  'PUT /api/plans/:id': { bodies: (c) => [{ termNumber: 2, title: 'Kế hoạch học kỳ II', items: [planItem(c, '2027-04-12')] }] },
  // The spare meeting: the main one's minutes are out for signing, and a meeting in signing can no longer be linked.
  'POST /api/plans/:id/items/:itemId/status': {
    params: (c) => ({ id: c.x.own.approvedPlan, itemId: c.x.own.approvedItem }),
    bodies: (c) => [{ status: 'held', meetingId: c.s.spareMeeting }],
  },
  'POST /api/reports': {
    bodies: (c) => [
      { networkId: c.s.network, schoolYearId: c.w.yearId, termNumber: 1, photoIds: [c.x.own.photo] },
      // An org's report counts the meetings it hosts outside any network: none here, so no photos.
      { orgId: c.s.school, schoolYearId: c.w.yearId, termNumber: 1 },
    ],
  },
  'PUT /api/reports/:id': { params: (c) => ({ id: c.x.own.yearReport }), bodies: (c) => [{ photoIds: [c.x.own.photo] }] },
  'POST /api/rubrics': { bodies: (c) => [rubricBody(c)] },
  'PUT /api/rubrics/:id': { bodies: (c) => [rubricBody(c)] },
};
