import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, queryRows } from '../../src/server/db/client';
import { hashPassword } from '../../src/server/lib/auth';
import { ensureReferenceData } from '../../src/server/seed/reference';
import { copyPglite, copyPostgres, dropSecondaryIndexes, type IndexDef, rebuildIndexes } from './load';
import { meetingsOf, networkId } from './meetings';
import type { SizeSpec } from './sizes';
import {
  communeId,
  type GenContext,
  meetingId,
  nameOf,
  officeId,
  officeIndex,
  personId,
  provinceId,
  reportId,
  schoolId,
  TABLES,
  teamId,
} from './tables';
import { World } from './world';

/** The shared password of every generated account (written to the manifest). */
export const BENCH_PASSWORD = 'LienTruong@2025';
export const SCHOOL_YEAR = '2025-2026';

/** What a benchmark needs to find its way into a generated data set. Key names are stable: see README.md. */
export interface Manifest {
  size: string;
  generatedAt: string;
  databaseUrl: string | null;
  dataDir: string | null;
  password: string;
  schoolYear: { id: string; code: string };
  terms: { '1': string; '2': string };
  counts: {
    provinces: number;
    communes: number;
    schools: number;
    teams: number;
    orgs: number;
    staff: number;
    teachers: number;
    people: number;
    accounts: number;
    networks: number;
    clusters: number;
    schoolGroups: number;
    meetings: number;
    attendance: number;
    invitations: number;
    /** Rows per table as loaded. */
    tables: Record<string, number>;
  };
  samples: {
    admin: { email: string; personId: string };
    teacher: { email: string; personId: string; schoolOrgId: string; teamOrgId: string; meetingsInYear: number };
    clusterLeader: { email: string; personId: string; networkId: string; schoolOrgId: string; reportIds: { '1': string; '2': string } };
    heldMeetingId: string;
    province: { orgId: string; specialist: { email: string; personId: string }; leader: { email: string; personId: string } };
    commune: { orgId: string; specialist: { email: string; personId: string } };
    principal: { email: string; personId: string; schoolOrgId: string };
  };
  /** Seconds per table (COPY) and per rebuilt index, and in total. */
  loadSeconds: Record<string, number>;
  indexSeconds: Record<string, number>;
  totalSeconds: number;
  diskBytes: number | null;
}

export interface GenerateOptions {
  spec: SizeSpec;
  database: Database;
  /** PostgreSQL URL when database is a server (COPY goes through a client of its own). */
  databaseUrl?: string;
  dataDir?: string;
  /** Drop secondary indexes before COPY and rebuild them after (PostgreSQL only). */
  dropIndexes?: boolean;
  /** Skip foreign-key triggers during COPY (PostgreSQL only; the rows are consistent by construction). */
  skipForeignKeyChecks?: boolean;
  log?: (msg: string) => void;
}

/** Fixed ids of the school year and its terms, so a size's manifest holds the same ids on PGlite and PostgreSQL. */
const YEAR_ID = 'a1000000-0000-4000-8000-000000002025';
const TERM_IDS = { '1': 'a2000000-0000-4000-8000-000000020251', '2': 'a2000000-0000-4000-8000-000000020252' };

/** The school year 2025-2026 with its two terms (the dates buildSchoolYear gives), created when missing. */
async function schoolYear(db: Database['db']) {
  const found = await queryRows<{ id: string }>(db, sql`select id from school_years where code = ${SCHOOL_YEAR}`);
  if (found.length) {
    const terms = await queryRows<{ id: string; number: number }>(
      db,
      sql`select id, number from terms where school_year_id = ${found[0].id}`,
    );
    const t = new Map(terms.map((x) => [x.number, x.id]));
    return { id: found[0].id, terms: { '1': t.get(1) as string, '2': t.get(2) as string } };
  }
  await db.execute(
    sql`insert into school_years (id, code, start_date, end_date) values (${YEAR_ID}, ${SCHOOL_YEAR}, '2025-09-05', '2026-05-31')`,
  );
  await db.execute(sql`insert into terms (id, school_year_id, number, start_date, end_date) values
    (${TERM_IDS['1']}, ${YEAR_ID}, 1, '2025-09-05', '2026-01-17'), (${TERM_IDS['2']}, ${YEAR_ID}, 2, '2026-01-20', '2026-05-31')`);
  return { id: YEAR_ID, terms: TERM_IDS };
}

/**
 * Tables whose triggers keep meeting_participation (migration 0015). Their triggers are off during the bulk load
 * (each COPY would otherwise recount every meeting loaded so far) and the totals are rebuilt once at the end.
 */
const KEPT_TOTALS_TABLES = ['invitations', 'attendance', 'memberships', 'org_links', 'meeting_subjects', 'meetings'];

/** Loads a whole size into an empty, migrated database and returns its manifest (not yet written). */
export async function generate(o: GenerateOptions): Promise<Manifest> {
  const log = o.log ?? (() => undefined);
  const started = performance.now();
  const w = new World(o.spec);
  const db = o.database.db;
  await ensureReferenceData(db);
  const year = await schoolYear(db);
  const subjects = await queryRows<{ id: string; code: string }>(db, sql`select id, code from subjects`);
  const ctx: GenContext = {
    world: w,
    subjectIds: new Map(subjects.map((s) => [s.code, s.id])),
    schoolYearId: year.id,
    passwordHash: await hashPassword(BENCH_PASSWORD),
  };
  const tables: Record<string, number> = {};
  const loadSeconds: Record<string, number> = {};
  let indexSeconds: Record<string, number> = {};
  const time = async (name: string, f: () => Promise<number>) => {
    const t0 = performance.now();
    tables[name] = await f();
    loadSeconds[name] = Math.round(performance.now() - t0) / 1000;
    log(`  ${name}: ${tables[name].toLocaleString('en')} rows in ${loadSeconds[name]} s`);
  };
  /** Rebuilds the kept participation totals once, after the load (timed, not counted as a loaded table). */
  const keptTotals = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    loadSeconds.meeting_participation = Math.round(performance.now() - t0) / 1000;
    log(`  meeting_participation rebuilt in ${loadSeconds.meeting_participation} s`);
  };
  if (o.database.kind === 'postgres') {
    const client = new pg.Client({ connectionString: o.databaseUrl });
    await client.connect();
    try {
      let dropped: IndexDef[] = [];
      if (o.dropIndexes)
        dropped = await dropSecondaryIndexes(
          client,
          TABLES.map((t) => t.table),
        );
      if (o.skipForeignKeyChecks) await client.query(`set session_replication_role = replica`);
      for (const t of KEPT_TOTALS_TABLES) await client.query(`alter table ${t} disable trigger user`);
      for (const t of TABLES) await time(t.table, () => copyPostgres(client, t, ctx));
      await client.query(`set session_replication_role = origin`);
      for (const t of KEPT_TOTALS_TABLES) await client.query(`alter table ${t} enable trigger user`);
      indexSeconds = await rebuildIndexes(client, dropped, log);
      await keptTotals(() => client.query(`set work_mem = '256MB'`).then(() => client.query('select lt_refresh_participation(null)')));
      // VACUUM as well as ANALYZE: a table filled by COPY has no visibility map until it is vacuumed, so every
      // index-only scan would still read the heap, and the first readers would write the hint bits. A live database
      // gets both from autovacuum; this machine's PostgreSQL runs with autovacuum off.
      const t0 = performance.now();
      await client.query('vacuum (analyze)');
      loadSeconds.analyze = Math.round(performance.now() - t0) / 1000;
    } finally {
      await client.end();
    }
  } else {
    for (const t of KEPT_TOTALS_TABLES) await db.execute(sql.raw(`alter table ${t} disable trigger user`));
    for (const t of TABLES) await time(t.table, () => copyPglite(o.database, t, ctx));
    for (const t of KEPT_TOTALS_TABLES) await db.execute(sql.raw(`alter table ${t} enable trigger user`));
    await keptTotals(() => db.execute(sql`select lt_refresh_participation(null)`));
    await o.database.db.execute(sql`vacuum (analyze)`);
  }

  // samples: staff of school 0 (first school of the first school group and cluster of province 0)
  const teacherIdx = w.teamMember(0, 0, 0);
  let meetingsInYear = 0;
  let heldMeetingId = '';
  for (const g of meetingsOf(w)) {
    if (g.hostSchool > w.spec.clusterSize) break;
    if (!g.invitees.includes(teacherIdx)) continue;
    meetingsInYear++;
    if (!heldMeetingId && (g.status === 'minutes_locked' || g.status === 'held')) heldMeetingId = meetingId(g.m);
  }
  const staff = (idx: number) => ({ email: nameOf('staff', idx).email, personId: personId(idx) });
  const office = (idx: number) => ({ email: nameOf('office', idx).email, personId: officeId(idx) });
  const count = (t: string) => tables[t] ?? 0;
  const disk =
    o.database.kind === 'postgres'
      ? Number((await queryRows<{ b: string }>(db, sql`select pg_database_size(current_database()) as b`))[0].b)
      : null;
  return {
    size: o.spec.name,
    generatedAt: new Date().toISOString(),
    databaseUrl: o.databaseUrl ?? null,
    dataDir: o.dataDir ?? null,
    password: BENCH_PASSWORD,
    schoolYear: { id: year.id, code: SCHOOL_YEAR },
    terms: year.terms,
    counts: {
      provinces: w.spec.provinces,
      communes: w.communes,
      schools: w.spec.schools,
      teams: w.spec.schools * 4,
      orgs: count('orgs'),
      staff: w.staff,
      teachers: w.spec.schools * (w.spec.staffPerSchool - 2),
      people: count('people'),
      accounts: count('accounts'),
      networks: count('networks'),
      clusters: count('networks') - countGroups(w),
      schoolGroups: countGroups(w),
      meetings: count('meetings'),
      attendance: count('attendance'),
      invitations: count('invitations'),
      tables,
    },
    samples: {
      admin: office(officeIndex(w, 'admin')),
      teacher: { ...staff(teacherIdx), schoolOrgId: schoolId(0), teamOrgId: teamId(w, 0, 0), meetingsInYear },
      clusterLeader: {
        ...staff(w.person(0, 0)), // school 0 is the first school of its level band, hence of cluster 0
        networkId: networkId('cluster', 0),
        reportIds: { '1': reportId(0, 1), '2': reportId(0, 2) },
        schoolOrgId: schoolId(0),
      },
      heldMeetingId,
      province: {
        orgId: provinceId(0),
        specialist: office(officeIndex(w, { province: 0, q: 1 })),
        leader: office(officeIndex(w, { province: 0, q: 0 })),
      },
      commune: { orgId: communeId(w.school(0).commune), specialist: office(officeIndex(w, { commune: w.school(0).commune })) },
      principal: { ...staff(w.person(0, 0)), schoolOrgId: schoolId(0) },
    },
    loadSeconds,
    indexSeconds,
    totalSeconds: Math.round(performance.now() - started) / 1000,
    diskBytes: disk,
  };
}

function countGroups(w: World): number {
  let n = 0;
  for (let s = 0; s < w.spec.schools; s++) if (w.school(s).groupFirst === s) n++;
  return n;
}
