import type { AuthzWorld, Side } from './fixtures';

/** A uuid that names nothing. */
export const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Fills a route pattern's parameters from one side of the world (the record of the route's kind). */
export function fillPath(url: string, w: AuthzWorld, s: Side, accountId: string): string {
  const first = url.split('/')[2];
  const byPrefix: Record<string, string> = {
    meetings: s.meeting,
    plans: s.plan,
    reports: s.report,
    assignments: s.assignment,
    inspections: s.inspection,
    'inspection-areas': NOBODY,
    'inspection-documents': NOBODY,
    'lesson-study': s.meeting,
    materials: s.material,
    networks: s.network,
    notifications: NOBODY,
    'observation-notes': s.note,
    observations: s.meeting,
    orgs: s.school,
    panels: s.panel,
    people: s.person,
    rubrics: s.rubric,
    'school-years': w.yearId,
    attachments: NOBODY,
    accounts: accountId,
    imports: NOBODY,
  };
  return url
    .replace('/lesson-study/versions/:id', `/lesson-study/versions/${s.version}`)
    .replace(':teamId', s.team)
    .replace(':orgId', s.school)
    .replace(':schoolYearId', w.yearId)
    .replace(':invitationId', s.invitation)
    .replace(':ruleId', NOBODY)
    .replace(':addendumId', NOBODY)
    .replace(':itemId', s.planItem)
    .replace(':entryId', s.panelEntry)
    .replace(':meetingId', s.meeting)
    .replace(':secret', 'khong-dung')
    .replace(':file', 'khong-co.ics')
    .replace(':kind', 'staff')
    .replace(':table', 'networks')
    .replace(':id', byPrefix[first] ?? NOBODY);
}
