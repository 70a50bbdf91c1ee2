import { loadavg } from 'node:os';
import { type SQL, sql } from 'drizzle-orm';
import { migrateDatabase, openPostgres, queryRows } from '../src/server/db/client';
import { loadActor } from '../src/server/lib/actor';
import { type MarkScope, readDataMark } from '../src/server/lib/markedCache';
import { complianceParts, figuresComputed } from '../src/server/modules/dashboard/service';
import { seedDemo } from '../src/server/seed/demo';

/**
 * `node --import tsx bench/freshness.ts` with BENCH_DATABASE_URL (an empty PostgreSQL database: it is migrated and
 * the demo data seeded; or one already seeded). A focused measurement for decision 0030, not a load test:
 * - what a write about a meeting costs to move its marks (lt_move_meeting_marks), against the single '*' counter of
 *   decision 0019;
 * - what reading a mark costs for each kind of scope;
 * - a province's dashboard (the service the route calls, for an administrator) right after a write about a meeting
 *   of another province (kept) and of its own (computed again).
 * Env: BENCH_FRESH_REPS (300).
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const REPS = Number(process.env.BENCH_FRESH_REPS ?? 300);

const database = await openPostgres(url, 4);
await migrateDatabase(database, url);
const db = database.db;
const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orgs`);
if (n === 0) await seedDemo(db);

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (n = ${s.length})`;
}
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

// two provinces (top-level offices) with meetings, and a network of the first
const provinces = await queryRows<{ id: string; name: string; meetings: string[] }>(
  db,
  sql`select o.id, o.name, array(select m.id from meetings m
      where o.id::text = any(lt_meeting_reach(array[m.host_org_id], array_remove(array[m.network_id], null)))
      order by m.id limit 50)::text[] as meetings
    from orgs o where o.type = 'province_department'
      and not exists (select 1 from org_links l where l.org_id = o.id)
    order by o.name`,
);
const [a, b] = provinces.filter((p) => p.meetings.length > 0);
if (!a || !b) throw new Error('two provinces with meetings are needed');
const [net] = await queryRows<{ id: string; members: number }>(
  db,
  sql`select n.network_id as id, count(*)::int as members from network_members n group by 1 order by 2 desc limit 1`,
);
console.log(`load average ${loadavg()[0].toFixed(1)}; provinces ${a.name} (${a.meetings.length} meetings), ${b.name}`);

// 1. the write side: moving the marks of a meeting's reach, against one '*' counter
const scoped: number[] = [];
const single: number[] = [];
for (let i = 0; i < REPS; i++) {
  const id = [...a.meetings, ...b.meetings][i % (a.meetings.length + b.meetings.length)];
  scoped.push(await timed(() => db.execute(sql`select lt_move_meeting_marks(array[${id}::uuid])`)));
  single.push(
    await timed(() =>
      db.execute(sql`insert into data_marks (scope, backend, n) values ('*', pg_backend_pid(), 1)
    on conflict (scope, backend) do update set n = data_marks.n + 1`),
    ),
  );
}
const [{ reach }] = await queryRows<{ reach: number }>(
  db,
  sql`select avg(cardinality(lt_meeting_reach(array[m.host_org_id], array_remove(array[m.network_id], null))))::float as reach
    from meetings m where m.id = any(${`{${a.meetings.join(',')}}`}::uuid[])`,
);
console.log(`marks of a meeting's reach (avg ${reach.toFixed(1)} marks): ${stats(scoped)}`);
console.log(`one '*' counter (decision 0019):              ${stats(single)}`);
// the same inside one statement, per meeting: no round trip, so less of this machine's scheduling
const ids = `{${Array.from({ length: REPS }, (_, i) => [...a.meetings, ...b.meetings][i % (a.meetings.length + b.meetings.length)]).join(',')}}`;
const perMeeting = async (call: SQL) =>
  ((await timed(() => db.execute(sql`select count(*) from (select ${call} from unnest(${ids}::uuid[]) as u(id)) q`))) / REPS).toFixed(3);
console.log(
  `in one statement, per meeting: its marks ${await perMeeting(sql`lt_move_meeting_marks(array[u.id])`)} ms, ` +
    `one '*' counter ${await perMeeting(sql`lt_move_marks(array['*'])`)} ms, ` +
    `its participation totals (0015, run by every check-in) ${await perMeeting(sql`lt_refresh_participation(array[u.id])`)} ms`,
);

// 2. the read side
for (const [label, scope] of [
  ["'*' only", { marks: [] }],
  ['a province', { marks: [a.id] }],
  [`a network and its ${net.members} members`, { marks: [net.id], membersOf: [net.id] }],
  ['the whole country', { marks: ['all'] }],
] as Array<[string, MarkScope]>) {
  const ms: number[] = [];
  for (let i = 0; i < REPS; i++) ms.push(await timed(() => readDataMark(db, scope)));
  console.log(`read the mark of ${label}: ${stats(ms)}`);
}
const [{ rows }] = await queryRows<{ rows: number }>(db, sql`select count(*)::int as rows from data_marks`);
console.log(`data_marks rows: ${rows}`);

// 3. a province's dashboard after a write elsewhere and after one of its own
const [adm] = await queryRows<{ accountId: string; personId: string; fullName: string }>(
  db,
  sql`select a.id as "accountId", a.person_id as "personId", p.full_name as "fullName" from accounts a
    join people p on p.id = a.person_id where a.is_admin order by a.email limit 1`,
);
const actor = await loadActor(db, { ...adm, isAdmin: true });
const dashboard = () => complianceParts(db, actor, { orgId: a.id }, true);
const touch = (id: string) => db.execute(sql`update meetings set title = title where id = ${id}`);
const first = await timed(dashboard);
const afterOther: number[] = [];
const afterOwn: number[] = [];
const before = figuresComputed();
for (let i = 0; i < Math.min(REPS, 30); i++) {
  await touch(b.meetings[i % b.meetings.length]);
  afterOther.push(await timed(dashboard));
}
const computedAfterOther = figuresComputed() - before;
for (let i = 0; i < Math.min(REPS, 30); i++) {
  await touch(a.meetings[i % a.meetings.length]);
  afterOwn.push(await timed(dashboard));
}
console.log(`dashboard of ${a.name}: first ${first.toFixed(1)} ms`);
console.log(`  after a write in ${b.name}: ${stats(afterOther)}, computed ${computedAfterOther} times`);
console.log(`  after a write in ${a.name}: ${stats(afterOwn)}, computed ${figuresComputed() - before - computedAfterOther} times`);
await database.close();
