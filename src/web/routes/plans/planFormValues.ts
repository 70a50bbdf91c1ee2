import type { MeetingKind, MeetingMode } from '@shared/enums';
import type { PlanInput, PlanItemInput, PlanUpdateInput } from '@shared/schemas';
import type { OrgSummary, PlanDetail, PlanItem } from '@shared/types';
import type { PersonOption } from '../../components/PersonPicker';

export interface ItemValues {
  key: string;
  kind: MeetingKind | null;
  subjectIds: string[];
  grade: string | null;
  content: string;
  hostOrgId: string | null;
  hostOrg: OrgSummary | null;
  presenterPersonId: string | null;
  presenterPerson: PersonOption | null;
  presenterOrgId: string | null;
  presenterOrg: OrgSummary | null;
  proposedDate: string | null;
  proposedTime: string;
  place: string;
  mode: MeetingMode;
  plannedCount: number | string;
}

export interface PlanValues {
  ownerKind: 'network' | 'org';
  networkId: string | null;
  orgId: string | null;
  org: OrgSummary | null;
  schoolYearId: string | null;
  termNumber: '0' | '1' | '2';
  title: string;
  notes: string;
  items: ItemValues[];
}

let seq = 0;
const newKey = () => `item-${Date.now()}-${seq++}`;

/** One item's starting values, from a stored item or empty (at the given host org). */
export function itemValues(i?: PlanItem, hostOrg?: OrgSummary | null): ItemValues {
  return {
    key: i?.id ?? newKey(),
    kind: i?.kind ?? null,
    subjectIds: i?.subjectIds ?? [],
    grade: i?.grade ? String(i.grade) : null,
    content: i?.content ?? '',
    hostOrgId: i ? (i.hostOrg?.id ?? null) : (hostOrg?.id ?? null),
    hostOrg: i ? i.hostOrg : (hostOrg ?? null),
    presenterPersonId: i?.presenterPerson?.id ?? null,
    presenterPerson: i?.presenterPerson ? { ...i.presenterPerson, orgName: i.presenterOrg?.name ?? null } : null,
    presenterOrgId: i?.presenterOrg?.id ?? null,
    presenterOrg: i?.presenterOrg ?? null,
    proposedDate: i?.proposedDate ?? null,
    proposedTime: i?.proposedTime ?? '',
    place: i?.place ?? '',
    mode: i?.mode ?? 'in_person',
    plannedCount: i?.plannedCount ?? '',
  };
}

/** The form's starting values, from a plan or for a new plan of a network or an org. */
export function planValues(
  p: PlanDetail | undefined,
  init: { networkId?: string; orgId?: string; org?: OrgSummary | null; schoolYearId: string | null },
): PlanValues {
  return {
    ownerKind: p ? (p.network ? 'network' : 'org') : init.orgId ? 'org' : 'network',
    networkId: p?.network?.id ?? init.networkId ?? null,
    orgId: p?.org?.id ?? init.orgId ?? null,
    org: p?.org ?? init.org ?? null,
    schoolYearId: p?.schoolYearId ?? init.schoolYearId,
    termNumber: p ? (String(p.termNumber ?? 0) as PlanValues['termNumber']) : '1',
    title: p?.title ?? '',
    notes: p?.notes ?? '',
    items: p?.items.map((i) => itemValues(i)) ?? [],
  };
}

const at = (i: ItemValues) => (i.proposedDate ? `${i.proposedDate}T${i.proposedTime || '00:00'}` : null);

/** Items in date-and-time order (undated ones keep their place after the dated ones), as the schedule lists them. */
export function sortItems(items: ItemValues[]): ItemValues[] {
  const dated = items.filter((i) => at(i)).sort((a, b) => ((at(a) as string) < (at(b) as string) ? -1 : at(a) === at(b) ? 0 : 1));
  return [...dated, ...items.filter((i) => !at(i))];
}

function toItem(i: ItemValues): PlanItemInput {
  return {
    kind: (i.kind ?? '') as MeetingKind,
    subjectIds: i.subjectIds,
    grade: i.grade ? Number(i.grade) : null,
    content: i.content.trim(),
    hostOrgId: i.hostOrgId,
    presenterPersonId: i.presenterPersonId,
    presenterOrgId: i.presenterOrgId,
    proposedDate: i.proposedDate,
    proposedTime: i.proposedTime || null,
    place: i.place.trim() || null,
    mode: i.mode,
    plannedCount: i.plannedCount === '' ? null : Number(i.plannedCount),
  };
}

/** Form values → the API's `planUpdateInput`. */
export function toPlanUpdateInput(v: PlanValues): PlanUpdateInput {
  return {
    termNumber: v.termNumber === '0' ? null : (Number(v.termNumber) as 1 | 2),
    title: v.title.trim(),
    notes: v.notes.trim() || null,
    items: v.items.map(toItem),
  };
}

/** Form values → the API's `planInput`. */
export function toPlanInput(v: PlanValues): PlanInput {
  return {
    ...toPlanUpdateInput(v),
    networkId: v.ownerKind === 'network' ? (v.networkId ?? '') : null,
    orgId: v.ownerKind === 'org' ? (v.orgId ?? '') : null,
    schoolYearId: v.schoolYearId ?? '',
  };
}
