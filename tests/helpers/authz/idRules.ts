import type { AuthzWorld, Side } from './fixtures';
import type { IdSide, IdWorld } from './idWorld';
import type { Ctx } from './spec';

/**
 * Id fields that are public by design, the only ones the id axis does not try with the other side's id. An entry with
 * route "*" matches the field's name anywhere; the others match one route's field path.
 */
export const PUBLIC_ID_FIELDS: ReadonlyArray<{ route: string; field: string; reason: string }> = [
  { route: '*', field: 'schoolYearId', reason: 'school years are national reference data every user reads' },
  { route: '*', field: 'subjectId', reason: 'the national subject list is public reference data' },
  { route: '*', field: 'subjectIds', reason: 'the national subject list is public reference data' },
  { route: '*', field: 'termId', reason: "terms are part of the public school year's calendar" },
  { route: 'POST /api/accounts', field: 'personId', reason: "admin only: the admin's reach is every person" },
  {
    route: 'POST /api/meetings',
    field: 'venues[].id',
    reason: 'a new meeting has no venues yet: every id there is refused ("Điểm cầu không thuộc buổi sinh hoạt này")',
  },
  {
    route: 'POST /api/meetings/:id/apply-bridge-rule',
    field: 'links[].orgId',
    reason:
      "only the orgs of the bridge points the rule plans for this meeting's invitees are taken; every other id, own or not, is refused with a 400 before anything is written (meetings/bridgeLinks.test.ts, meetings.test.ts)",
  },
  {
    route: 'GET /api/orgs/tree',
    field: 'rootId',
    reason:
      "the org tree's public facts (names, types, places) are read by every logged-in user (orgs policy readTree); a root only narrows the tree (orgs/tree.test.ts)",
  },
  ...filters('GET /api/assignments', ['provinceOrgId', 'unitOrgId']),
  ...filters('GET /api/audit', ['entityId']),
  ...filters('GET /api/inspection-areas', ['provinceOrgId']),
  ...filters('GET /api/inspections', ['provinceOrgId']),
  ...filters('GET /api/inspections/phu-luc-2.docx', ['provinceOrgId']),
  ...filters('GET /api/inspections/phu-luc-2.xlsx', ['provinceOrgId']),
  ...filters('GET /api/programme/phu-luc-1.docx', ['provinceOrgId']),
  ...filters('GET /api/programme/phu-luc-1.xlsx', ['provinceOrgId']),
  ...filters('GET /api/materials', ['meetingId']),
  ...filters('GET /api/meetings', ['networkId', 'orgId']),
  ...filters('GET /api/networks', ['orgId']),
  ...filters('GET /api/people', ['orgId']),
  ...filters('GET /api/plans', ['networkId', 'orgId', 'reviewerOrgId']),
  ...filters('GET /api/reports', ['networkId', 'orgId', 'reviewerOrgId']),
  ...filters('GET /api/rubrics', ['orgId']),
  ...flags('GET /api/plans/can'),
  ...flags('GET /api/reports/can'),
];

function filters(route: string, fields: string[]) {
  return fields.map((field) => ({
    route,
    field,
    reason: 'narrows a list already limited to the records the caller may read (the matrix lists test checks that)',
  }));
}

function flags(route: string) {
  return ['networkId', 'orgId'].map((field) => ({
    route,
    field,
    reason: 'answers only what the caller may do there (false flags elsewhere), no record data',
  }));
}

/**
 * Holes another branch is fixing (security issue 14): the axis asserts each is still open, so the test fails once
 * the fix lands and the entry must be removed.
 */
export const KNOWN_OPEN: ReadonlyArray<{ route: string; field: string; finding: string }> = [];

/** True when the field is on the public allow-list. */
export function isPublicField(route: string, path: string): boolean {
  const leaf = (path.split('.').pop() as string).replace(/\[\]$/, '');
  return PUBLIC_ID_FIELDS.some((e) => (e.route === '*' ? e.field === leaf : e.route === route && e.field === path));
}

/** The KNOWN_OPEN entry of a route's field, if any. */
export function knownOpen(route: string, path: string) {
  return KNOWN_OPEN.find((e) => e.route === route && e.field === path);
}

/**
 * The other side's twin of an own id: the same record kind of the other world (school → Lục Nam, network → the Bắc
 * Giang network, person → a Lục Nam teacher…). Ids without a twin get the other side's record of the kind the
 * field's name says; undefined when neither works (the test reports it).
 */
export function twinFinder(w: AuthzWorld, x: IdWorld, extra: Ctx['extra']) {
  const map = new Map<string, string>();
  for (const k of Object.keys(w.own) as (keyof Side)[]) map.set(w.own[k], w.other[k]);
  for (const k of Object.keys(x.own) as (keyof IdSide)[]) map.set(x.own[k], x.other[k]);
  for (const byScope of Object.values(extra)) if (byScope.own !== byScope.other) map.set(byScope.own, byScope.other);
  for (const p of Object.values(w.persons)) if (!map.has(p)) map.set(p, w.other.person);
  const byName: Array<[RegExp, string]> = [
    [/^(provinceOrgId|supervisingOrgId|organiserOrgId|ownerOrgId)$/, w.other.province],
    [/OrgIds?$|^parentId$/, w.other.school],
    [/[Pp]erson|presenter|memberIds|head|chair|secretary/, w.other.person],
    [/[Nn]etworkId$/, w.other.network],
    [/^meetingId$/, w.other.meeting],
    [/^venueId$/, x.other.venue],
  ];
  return (leaf: string, value: string): string | undefined => map.get(value) ?? byName.find(([re]) => re.test(leaf))?.[1];
}
