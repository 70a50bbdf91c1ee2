import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hints } from './samples';

/** One database the API benchmark runs against: a size on PGlite or on PostgreSQL. */
export interface BenchTarget {
  size: string;
  kind: 'pglite' | 'postgres';
  databaseUrl?: string;
  dataDir?: string;
  password: string;
  hints: Hints;
  /** Counts from the manifest, shown with the table. */
  counts: Record<string, number>;
}

const SIZES = ['S', 'M', 'L'];

function manifestPath(size: string): string | undefined {
  const candidates = [`/tmp/lt-bench/${size}.json`, path.resolve(import.meta.dirname, `../generate/manifests/${size}.json`)];
  return candidates.find((p) => existsSync(p));
}

type Json = Record<string, unknown>;

/** The first string found under any of the dotted paths. */
function pick(obj: Json, paths: string[]): string | undefined {
  for (const p of paths) {
    let v: unknown = obj;
    for (const k of p.split('.')) v = v && typeof v === 'object' ? (v as Json)[k] : undefined;
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

/** Reads bench/generate's manifest of a size (format: bench/generate/README.md). */
function fromManifest(size: string, file: string): BenchTarget[] {
  const m = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const s = (m.samples ?? m.sample ?? m) as Json;
  const hints: Hints = {
    teacherEmail: pick(s, ['teacher.email', 'teacherEmail', 'teacher']),
    leaderEmail: pick(s, ['clusterLeader.email', 'leader.email', 'clusterLeaderEmail', 'leaderEmail']),
    networkId: pick(s, ['clusterLeader.networkId', 'leader.networkId', 'networkId', 'cluster.networkId']),
    meetingId: pick(s, ['heldMeetingId', 'heldMeeting.id', 'meetingId', 'meeting.id']),
    specialistEmail: pick(s, [
      'province.specialist.email',
      'provinceSpecialist.email',
      'specialist.email',
      'provinceSpecialistEmail',
      'specialistEmail',
    ]),
    schoolId: pick(s, ['principal.schoolOrgId', 'principal.schoolId', 'schoolId', 'school.id']),
    schoolYearId: pick(m, ['schoolYear.id', 'schoolYearId', 'samples.schoolYearId']),
  };
  const password = pick(m, ['password', 'samples.password']) ?? '';
  const counts = Object.fromEntries(Object.entries((m.counts ?? {}) as Json).filter(([, v]) => typeof v === 'number')) as Record<
    string,
    number
  >;
  const url = pick(m, ['databaseUrl', 'postgres.databaseUrl', 'postgresUrl']);
  const dir = pick(m, ['dataDir', 'pglite.dataDir', 'pgliteDir']);
  const out: BenchTarget[] = [];
  // S runs on both engines; M and L on PostgreSQL only (PGlite is the single-machine default, not for a province).
  if (dir && size === 'S') out.push({ size, kind: 'pglite', dataDir: dir, password, hints, counts });
  if (url) out.push({ size, kind: 'postgres', databaseUrl: url, password, hints, counts });
  return out;
}

/** The targets of BENCH_SIZES (default: every size whose manifest exists). */
export function benchTargets(): { targets: BenchTarget[]; missing: string[] } {
  const asked = (process.env.BENCH_SIZES ?? '')
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);
  const sizes = (asked.length ? asked : SIZES).filter((x) => x !== 'DEMO');
  const targets: BenchTarget[] = [];
  const missing: string[] = [];
  for (const size of sizes) {
    const file = manifestPath(size);
    if (!file) {
      missing.push(size);
      continue;
    }
    targets.push(...fromManifest(size, file));
  }
  const engines = (process.env.BENCH_API_ENGINES ?? '').split(',').filter(Boolean);
  return { targets: engines.length ? targets.filter((t) => engines.includes(t.kind)) : targets, missing };
}
