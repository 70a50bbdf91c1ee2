import { describe, expect, it } from 'vitest';
import { type Actor, scopeOf } from './actor';

const base: Omit<Actor, 'roles'> = { accountId: 'a', personId: 'p', fullName: 'X', isAdmin: false };
// Tree: province P > commune C > school S > team T ; other school S2 under C2 under P.
const chainT = ['T', 'S', 'C', 'P'];
const chainS = ['S', 'C', 'P'];
const chainS2 = ['S2', 'C2', 'P'];
const chainT2 = ['T2', 'S2', 'C2', 'P'];

describe('scopeOf', () => {
  it('admin reaches everything', () => {
    expect(scopeOf({ ...base, isAdmin: true, roles: [] }, chainS2)).toBe('admin');
  });
  it('office staff reach their subtree only', () => {
    const actor: Actor = {
      ...base,
      roles: [{ orgId: 'C', orgName: 'C', orgType: 'commune', position: 'office_leader', chain: ['C', 'P'] }],
    };
    expect(scopeOf(actor, chainT)).toBe('office');
    expect(scopeOf(actor, chainS2)).toBe('none');
  });
  it('a teacher in an office org is not office staff', () => {
    const actor: Actor = { ...base, roles: [{ orgId: 'C', orgName: 'C', orgType: 'commune', position: 'teacher', chain: ['C', 'P'] }] };
    expect(scopeOf(actor, chainS)).toBe('member');
  });
  it('a principal manages the school and its teams, nothing else', () => {
    const actor: Actor = { ...base, roles: [{ orgId: 'S', orgName: 'S', orgType: 'school', position: 'principal', chain: chainS }] };
    expect(scopeOf(actor, chainS)).toBe('school');
    expect(scopeOf(actor, chainT)).toBe('school');
    expect(scopeOf(actor, ['C', 'P'])).toBe('none');
    expect(scopeOf(actor, chainT2)).toBe('none');
  });
  it('a team head leads the team and is a member of the rest of the school', () => {
    const actor: Actor = { ...base, roles: [{ orgId: 'T', orgName: 'T', orgType: 'team', position: 'team_head', chain: chainT }] };
    expect(scopeOf(actor, chainT)).toBe('team');
    expect(scopeOf(actor, chainS)).toBe('member');
    expect(scopeOf(actor, ['T3', 'S', 'C', 'P'])).toBe('member');
    expect(scopeOf(actor, chainS2)).toBe('none');
  });
  it('the best of several positions wins', () => {
    const actor: Actor = {
      ...base,
      roles: [
        { orgId: 'T2', orgName: 'T2', orgType: 'team', position: 'teacher', chain: chainT2 },
        { orgId: 'S', orgName: 'S', orgType: 'school', position: 'vice_principal', chain: chainS },
      ],
    };
    expect(scopeOf(actor, chainT)).toBe('school');
    expect(scopeOf(actor, chainS2)).toBe('member');
  });
});
