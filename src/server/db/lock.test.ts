import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildMinutes, buildOrg, buildPerson, buildSchoolYear } from '../../../tests/factories';
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp';
import { queryRows } from './client';

/** The database itself refuses to change locked minutes or their signatures, whatever the code path. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('minutes lock in the database', () => {
  it('refuses updates, deletes and new signatures once the minutes are locked', async () => {
    const year = await buildSchoolYear(t.db);
    const school = await buildOrg(t.db);
    const person = await buildPerson(t.db, { positions: [{ orgId: school.id, position: 'teacher' }] });
    const meeting = await buildMeeting(t.db, { hostOrgId: school.id, schoolYearId: year.id });
    const m = await buildMinutes(t.db, { meetingId: meeting.id, status: 'signing', textHash: 'abc' });
    await t.db.execute(sql`insert into minutes_signatures (minutes_id, person_id, text_hash) values (${m.id}, ${person.id}, 'abc')`);
    await t.db.execute(sql`update minutes set status = 'locked', locked_at = now() where id = ${m.id}`);
    await expect(t.db.execute(sql`update minutes set discussion = 'sửa sau khi khóa' where id = ${m.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from minutes where id = ${m.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from minutes_signatures where minutes_id = ${m.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`update minutes_signatures set text_hash = 'x' where minutes_id = ${m.id}`)).rejects.toThrow();
    const rows = await queryRows<{ discussion: string; n: number }>(
      t.db,
      sql`select m.discussion, (select count(*)::int from minutes_signatures s where s.minutes_id = m.id) as n from minutes m where m.id = ${m.id}`,
    );
    expect(rows).toEqual([{ discussion: '', n: 1 }]);
  });
});
