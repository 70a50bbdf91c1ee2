import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { type Actor, actorFromRoles, loadActor } from '../../src/server/lib/actor';
import { todayIso } from '../../src/server/lib/dates';
import { findSessionWithRoles } from '../../src/server/modules/auth/repo';
import { createTestDatabase } from '../helpers/testApp';

/**
 * Each API request reads its session and the actor's positions in one statement (findSessionWithRoles); the actor
 * built from it must be the one loadActor builds with its separate queries, for every demo account.
 */

let t: Awaited<ReturnType<typeof createTestDatabase>>;

const sorted = (a: Actor) => ({
  ...a,
  roles: [...a.roles].sort((x, y) => `${x.orgId}${x.position}`.localeCompare(`${y.orgId}${y.position}`)),
});

describe('session and actor in one statement', () => {
  beforeAll(async () => {
    t = await createTestDatabase({ demo: true });
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('gives the actor loadActor gives, for every demo account, and nothing for an unknown token', async () => {
    const db = t.database.db;
    const accounts = await queryRows<{ id: string; personId: string; isAdmin: boolean; fullName: string }>(
      db,
      sql`select a.id, a.person_id as "personId", a.is_admin as "isAdmin", p.full_name as "fullName"
      from accounts a join people p on p.id = a.person_id order by a.email`,
    );
    expect(accounts.length).toBeGreaterThanOrEqual(8);
    let withChains = 0;
    for (const a of accounts) {
      const tokenHash = `test-${a.id}`;
      await db.execute(sql`insert into auth_sessions (token_hash, account_id, csrf_token, expires_at)
        values (${tokenHash}, ${a.id}, 'csrf', now() + interval '1 hour')`);
      const row = await findSessionWithRoles(db, tokenHash, todayIso());
      expect(row?.accountId).toBe(a.id);
      expect(row?.csrfToken).toBe('csrf');
      expect(row?.expiresAt).toBeInstanceOf(Date);
      expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now());
      const auth = { accountId: a.id, personId: a.personId, fullName: a.fullName, isAdmin: a.isAdmin };
      const one = actorFromRoles(auth, row?.roles ?? []);
      expect(sorted(one)).toEqual(sorted(await loadActor(db, auth)));
      if (one.roles.some((r) => r.chain.length > 2)) withChains++;
    }
    // the demo has school staff under communes and a province: chains of three or more orgs were compared
    expect(withChains).toBeGreaterThan(0);
    expect(await findSessionWithRoles(db, 'no-such-token', todayIso())).toBeUndefined();
  });
});
