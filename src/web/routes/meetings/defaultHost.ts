import { SCHOOL_TYPES } from '@shared/enums';
import type { OrgSummary } from '@shared/types';
import { useMe } from '../../api/auth';
import { useOrg } from '../../api/orgs';
import { hostOf } from './hostOf';

/** The default host of a new meeting as an org (null while unknown or for office staff). */
export function useDefaultHost(): OrgSummary | null {
  const me = useMe();
  const host = me.data ? hostOf(me.data.positions) : null;
  const team = useOrg(host && 'teamId' in host ? host.teamId : null);
  if (!host) return null;
  if ('schoolId' in host) return { id: host.schoolId, name: host.name, code: '', shortName: null, type: 'school', levels: [] };
  const parent = team.data?.parent;
  return parent && SCHOOL_TYPES.includes(parent.type) ? parent : null;
}
