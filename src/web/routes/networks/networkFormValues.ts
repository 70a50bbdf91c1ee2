import type { LeadershipMode, NetworkKind } from '@shared/enums';
import type { NetworkInput } from '@shared/schemas';
import type { NetworkDetail, OrgSummary } from '@shared/types';
import type { PersonOption } from '../../components/PersonPicker';

export interface NetworkValues {
  kind: NetworkKind | null;
  name: string;
  schoolYearId: string | null;
  supervisingOrgId: string | null;
  parentNetworkId: string | null;
  memberOrgIds: string[];
  members: OrgSummary[];
  leadOrgId: string | null;
  leadershipMode: LeadershipMode;
  leaderId: string | null;
  deputy1Id: string | null;
  deputy2Id: string | null;
  decisionNumber: string;
  decisionDate: string | null;
  description: string;
}

/** The form's starting values, from an existing network or empty for the given school year. */
export function initialValues(n: NetworkDetail | undefined, schoolYearId: string | null): NetworkValues {
  const deputies = n?.leaders.filter((l) => l.role === 'deputy') ?? [];
  return {
    kind: n?.kind ?? null,
    name: n?.name ?? '',
    schoolYearId: n?.schoolYearId ?? schoolYearId,
    supervisingOrgId: n?.supervisingOrg.id ?? null,
    parentNetworkId: n?.parentNetworkId ?? null,
    memberOrgIds: n?.members.map((m) => m.id) ?? [],
    members: n?.members ?? [],
    leadOrgId: n?.leadOrg?.id ?? null,
    leadershipMode: n?.leadershipMode ?? 'named',
    leaderId: n?.leaders.find((l) => l.role === 'leader')?.personId ?? null,
    deputy1Id: deputies[0]?.personId ?? null,
    deputy2Id: deputies[1]?.personId ?? null,
    decisionNumber: n?.decisionNumber ?? '',
    decisionDate: n?.decisionDate ?? null,
    description: n?.description ?? '',
  };
}

/** The people already leading the network, for the pickers' labels. */
export function leaderOptions(n: NetworkDetail | undefined): Map<string, PersonOption> {
  return new Map((n?.leaders ?? []).map((l) => [l.personId, { id: l.personId, fullName: l.fullName, orgName: l.orgName }]));
}

/** Turns form values into the API's `networkInput`. */
export function toNetworkInput(v: NetworkValues): NetworkInput {
  const leaders: NetworkInput['leaders'] = [];
  if (v.leaderId) leaders.push({ personId: v.leaderId, role: 'leader' });
  for (const id of [v.deputy1Id, v.deputy2Id]) if (id) leaders.push({ personId: id, role: 'deputy' });
  return {
    kind: (v.kind ?? '') as NetworkKind,
    name: v.name.trim(),
    schoolYearId: v.schoolYearId ?? '',
    supervisingOrgId: v.supervisingOrgId ?? '',
    parentNetworkId: v.parentNetworkId,
    leadOrgId: v.leadOrgId,
    leadershipMode: v.leadershipMode,
    decisionNumber: v.decisionNumber.trim() || null,
    decisionDate: v.decisionDate,
    description: v.description.trim() || null,
    memberOrgIds: v.memberOrgIds,
    leaders,
  };
}
