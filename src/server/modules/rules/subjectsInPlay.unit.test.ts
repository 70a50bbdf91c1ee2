import { describe, expect, it } from 'vitest';
import { quotaStatus, type SubjectRef } from './subjectsInPlay';

/** One meaning of "2 meetings a term": per subject in play for a per-subject quota, for the network otherwise. */
const toan = { id: 'toan', name: 'Toán' };
const van = { id: 'van', name: 'Ngữ văn' };
const held = (m: Record<string, number>) => (s: SubjectRef) => m[s.id] ?? 0;

describe('quotaStatus (unit)', () => {
  it('a 1-subject plan: two meetings of that subject meet a quota of 2 per subject', () => {
    expect(quotaStatus({ count: 2, perSubject: true }, 2, [toan], held({ toan: 2 }))).toEqual({
      required: 2,
      held: 2,
      behind: false,
      subjectsBehind: [],
    });
  });

  it('two meetings in different subjects of a 2-subject plan leave both subjects behind (the old total said 2/2)', () => {
    expect(quotaStatus({ count: 2, perSubject: true }, 2, [toan, van], held({ toan: 1, van: 1 }))).toEqual({
      required: 4,
      held: 2,
      behind: true,
      subjectsBehind: ['Toán', 'Ngữ văn'],
    });
  });

  it('a meeting about two subjects counts for both; a third Toán meeting does not make up for Ngữ văn', () => {
    // meetings: Toán+Ngữ văn, Toán, Toán → Toán 3, Ngữ văn 1
    const s = quotaStatus({ count: 2, perSubject: true }, 3, [toan, van], held({ toan: 3, van: 1 }));
    expect(s).toEqual({ required: 4, held: 3, behind: true, subjectsBehind: ['Ngữ văn'] });
    // meetings: Toán+Ngữ văn twice → both subjects met twice with two meetings
    expect(quotaStatus({ count: 2, perSubject: true }, 2, [toan, van], held({ toan: 2, van: 2 })).behind).toBe(false);
  });

  it('a subject outside those in play does not count', () => {
    const s = quotaStatus({ count: 2, perSubject: true }, 4, [toan], held({ toan: 1, van: 3 }));
    expect(s).toEqual({ required: 2, held: 1, behind: true, subjectsBehind: ['Toán'] });
  });

  it('a whole-network quota compares the total; no subject in play falls back to the total', () => {
    expect(quotaStatus({ count: 1, perSubject: false }, 1, [toan], held({}))).toEqual({
      required: 1,
      held: 1,
      behind: false,
      subjectsBehind: [],
    });
    expect(quotaStatus({ count: 2, perSubject: true }, 1, [], held({}))).toEqual({
      required: 2,
      held: 1,
      behind: true,
      subjectsBehind: [],
    });
    expect(quotaStatus({ count: 0, perSubject: false }, 0, [toan], held({})).behind).toBe(false);
  });
});
