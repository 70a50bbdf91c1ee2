import { describe, expect, it } from 'vitest';
import { ORG_TYPES, POSITIONS } from '../../../shared/enums';
import type { Actor } from '../../lib/actor';
import { canReview, reviewsFrom } from './policy';

/** reviewsFrom (who is told of a submission) never names someone canReview would refuse, and names the usual reviewers. */
describe('reviewsFrom, the twin of canReview over positions', () => {
  const actorAt = (orgId: string, orgType: (typeof ORG_TYPES)[number], position: (typeof POSITIONS)[number], chain: string[]): Actor => ({
    accountId: 'a',
    personId: 'p',
    fullName: 'Người thử',
    isAdmin: false,
    roles: [{ orgId, orgName: 'Đơn vị', orgType, position, chain: chain.slice(chain.indexOf(orgId)) }],
  });

  it('accepts only positions whose holder may review, at the reviewer org or above it', () => {
    let accepted = 0;
    for (const reviewerType of ORG_TYPES) {
      for (const atType of ORG_TYPES) {
        for (const position of POSITIONS) {
          for (const depth of [0, 1]) {
            const chain = ['reviewer', 'parent', 'root'];
            const orgId = chain[depth];
            if (depth === 0 && atType !== reviewerType) continue;
            if (!reviewsFrom(atType, position, depth === 0)) continue;
            accepted++;
            const ok = canReview(actorAt(orgId, atType, position, chain), { reviewerType, reviewerChain: chain });
            expect(ok, `${position} at ${atType} (depth ${depth}) over a ${reviewerType}`).toBe(true);
          }
        }
      }
    }
    expect(accepted).toBeGreaterThan(0);
    expect(reviewsFrom('commune', 'specialist', false)).toBe(true);
    expect(reviewsFrom('school', 'principal', true)).toBe(true);
    expect(reviewsFrom('school', 'principal', false)).toBe(false);
    expect(reviewsFrom('school', 'teacher', true)).toBe(false);
    expect(reviewsFrom('team', 'team_head', true)).toBe(false);
  });
});
