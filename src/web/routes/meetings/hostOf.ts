import type { Me } from '@shared/types';
import { SCHOOL_TYPES } from '../../../shared/enums';

type Position = Me['positions'][number];

/**
 * Where a new meeting is hosted by default, from the user's positions: the school they hold a position at (principal,
 * teacher…), else the school of their team (team head, teacher of a team); office staff get none (they choose).
 * `{ schoolId }` when known at once, `{ teamId }` when the team's school must be read, null for none.
 */
export function hostOf(positions: readonly Position[]): { schoolId: string; name: string } | { teamId: string } | null {
  const school = positions.find((p) => SCHOOL_TYPES.includes(p.orgType));
  if (school) return { schoolId: school.orgId, name: school.orgName };
  const team = positions.find((p) => p.orgType === 'team');
  return team ? { teamId: team.orgId } : null;
}
