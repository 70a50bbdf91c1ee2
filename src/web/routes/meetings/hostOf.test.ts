import { describe, expect, it } from 'vitest';
import { hostOf } from './hostOf';

/** Issue 15 point 10: a new meeting's host defaults to the user's own school. */
const at = (
  orgType: 'school' | 'team' | 'commune' | 'province_department',
  orgId: string,
  position: 'principal' | 'team_head' | 'teacher' | 'specialist',
) => ({ orgId, orgName: `Đơn vị ${orgId}` as string, orgType, position });

describe('hostOf', () => {
  it('a principal or a teacher of a school: that school', () => {
    expect(hostOf([at('school', 's1', 'principal')])).toEqual({ schoolId: 's1', name: 'Đơn vị s1' });
    expect(hostOf([at('team', 't1', 'teacher'), at('school', 's2', 'teacher')])).toEqual({ schoolId: 's2', name: 'Đơn vị s2' });
  });

  it('a team head or teacher of a team only: the team, whose school is read next', () => {
    expect(hostOf([at('team', 't1', 'team_head')])).toEqual({ teamId: 't1' });
  });

  it('office staff: no default (they choose the host)', () => {
    expect(hostOf([at('province_department', 'p1', 'specialist')])).toBeNull();
    expect(hostOf([at('commune', 'c1', 'specialist')])).toBeNull();
    expect(hostOf([])).toBeNull();
  });
});
