import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { AppError } from './errors';
import { authorizer, authorizeWith } from './policy';

const actor: Actor = { accountId: 'a', personId: 'p', fullName: 'X', isAdmin: false, roles: [] };

const authorize = authorizer({
  own: (a: Actor, facts: { ownerId: string }) => a.personId === facts.ownerId,
  never: () => false,
});

describe('authorizer', () => {
  it('passes when the action’s rule holds for the facts', () => {
    expect(() => authorize(actor, 'own', { ownerId: 'p' })).not.toThrow();
  });
  it('throws FORBIDDEN when the rule does not hold', () => {
    expect(() => authorize(actor, 'own', { ownerId: 'q' })).toThrow(AppError);
    expect(() => authorize(actor, 'never')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
  });
});

describe('authorizeWith', () => {
  it('throws FORBIDDEN on false only', () => {
    expect(() => authorizeWith(true)).not.toThrow();
    expect(() => authorizeWith(false)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
