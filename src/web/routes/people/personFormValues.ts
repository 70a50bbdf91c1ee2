import type { Position, SchoolLevel } from '@shared/enums';
import type { PersonInput } from '@shared/schemas';
import type { OrgSummary, PersonDetail } from '@shared/types';

export interface PositionValues {
  key: string;
  orgId: string | null;
  org: OrgSummary | null;
  position: Position | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface PersonValues {
  code: string;
  fullName: string;
  email: string;
  phone: string;
  gender: 'male' | 'female' | null;
  subjectIds: string[];
  /** Empty = derived from the school or team (see shared/teachingLevels). */
  teachingLevels: string[];
  positions: PositionValues[];
}

let counter = 0;
/** A fresh, empty position row (optionally at a known org). */
export function emptyPosition(org: OrgSummary | null = null): PositionValues {
  counter += 1;
  return { key: `p${counter}`, orgId: org?.id ?? null, org, position: null, validFrom: null, validTo: null };
}

/** The form's starting values. */
export function initialPersonValues(p: PersonDetail | undefined, org: OrgSummary | null): PersonValues {
  return {
    code: p?.code ?? '',
    fullName: p?.fullName ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    gender: p?.gender ?? null,
    subjectIds: p?.subjects.map((s) => s.id) ?? [],
    teachingLevels: p?.teachingLevels ?? [],
    positions: p
      ? p.memberships.map((m) => ({
          ...emptyPosition(),
          orgId: m.orgId,
          org: { id: m.orgId, name: m.orgName, code: '', shortName: null, type: 'school', levels: [] },
          position: m.position,
          validFrom: m.validFrom,
          validTo: m.validTo,
        }))
      : [emptyPosition(org)],
  };
}

/** Form values → the API's `personInput`. */
export function toPersonInput(v: PersonValues): PersonInput {
  return {
    code: v.code.trim() || null,
    fullName: v.fullName.trim(),
    email: v.email.trim() || null,
    phone: v.phone.trim() || null,
    gender: v.gender,
    subjectIds: v.subjectIds,
    teachingLevels: v.teachingLevels as SchoolLevel[],
    positions: v.positions.map((p) => ({
      orgId: p.orgId ?? '',
      position: (p.position ?? '') as Position,
      validFrom: p.validFrom,
      validTo: p.validTo,
    })),
  };
}
