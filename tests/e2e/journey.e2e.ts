import { afterAll, beforeAll, describe, it } from 'vitest';
import { type E2E, startE2E } from './harness';
import { walkIssue3Journey } from './journeySteps';

/** Issue 3's journey (see journeySteps.ts) on one in-process app. */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

describe('issue 3: from plan to signed minutes', () => {
  it('walks the whole path', async () => {
    await walkIssue3Journey(e);
  });
});
