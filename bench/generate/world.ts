import { createRng } from '../../src/server/seed/demo/random';
import type { SizeSpec } from './sizes';

/**
 * The shape of a generated data set as pure functions of indices (province p, commune c, school s, staff j, team k),
 * so each table can be streamed on its own pass without keeping any row in memory, and the same size always gives
 * the same data. Ids are UUIDs made from a table tag and a counter: deterministic and in load order, which keeps
 * the primary-key indexes append-only during COPY.
 */

/** Id tags (first UUID group) per kind of record. */
export const TAG = {
  province: 'b1000000',
  commune: 'b2000000',
  school: 'b3000000',
  team: 'b4000000',
  link: 'b5000000',
  person: 'c1000000',
  office: 'c2000000',
  membership: 'c3000000',
  account: 'c4000000',
  group: 'd1000000',
  cluster: 'd2000000',
  plan: 'd3000000',
  report: 'd5000000',
  meeting: 'e1000000',
  presenter: 'e2000000',
  invitation: 'e3000000',
  attendance: 'e4000000',
  minutes: 'e5000000',
} as const;

/** A deterministic UUID: tag + counter. */
export function uid(tag: string, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${tag}-0000-4000-8000-${hex}`;
}

/** A 32-bit hash of two integers, for per-record randomness that does not depend on the order of the passes. */
export function hash2(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A float in [0, 1) from two integers. */
export function rand(a: number, b: number): number {
  return hash2(a, b) / 4294967296;
}

/** A seeded generator for one record (the demo's mulberry32), e.g. to draw a person's name. */
export function rngFor(kind: number, n: number) {
  return createRng(hash2(kind, n));
}

export type Level = 'primary' | 'lower_secondary' | 'upper_secondary';

/** Position of a school in the tree. */
export interface SchoolInfo {
  s: number;
  province: number;
  /** Index inside its province. */
  local: number;
  commune: number;
  /** Index of the school among its commune's schools. */
  ordInCommune: number;
  level: Level;
  /** First school of the school's level band in its province (groups and clusters never mix levels). */
  bandStart: number;
  /** First school (index) of its school group and its cluster, and their member ranges [first, end). */
  groupFirst: number;
  groupEnd: number;
  clusterFirst: number;
  clusterEnd: number;
}

/** The index arithmetic of one size. */
export class World {
  readonly spec: SizeSpec;
  readonly provinceStart: number[];
  readonly communeStart: number[];
  readonly communeCount: number[];
  readonly communes: number;
  /** Staff per subject team k (0..3). */
  readonly teamSize: number[];

  constructor(spec: SizeSpec) {
    this.spec = spec;
    this.provinceStart = [];
    this.communeStart = [];
    this.communeCount = [];
    let c = 0;
    for (let p = 0; p <= spec.provinces; p++) this.provinceStart.push(Math.floor((p * spec.schools) / spec.provinces));
    for (let p = 0; p < spec.provinces; p++) {
      const n = this.provinceStart[p + 1] - this.provinceStart[p];
      const count = spec.communesPerProvince || Math.max(1, Math.round(n / 13.5));
      this.communeStart.push(c);
      this.communeCount.push(count);
      c += count;
    }
    this.communes = c;
    const teachers = spec.staffPerSchool - 2;
    this.teamSize = [0, 1, 2, 3].map((k) => Math.floor((teachers - k + 3) / 4));
  }

  get staff(): number {
    return this.spec.schools * this.spec.staffPerSchool;
  }

  provinceOf(s: number): number {
    let p = Math.floor((s * this.spec.provinces) / this.spec.schools);
    while (p > 0 && this.provinceStart[p] > s) p--;
    while (this.provinceStart[p + 1] <= s) p++;
    return p;
  }

  /** Level bands inside a province: half primary, 35 % lower secondary, 15 % upper secondary. */
  private bands(p: number): Array<[Level, number, number]> {
    const start = this.provinceStart[p];
    const n = this.provinceStart[p + 1] - start;
    const a = start + Math.round(n * 0.5);
    const b = start + Math.round(n * 0.85);
    return [
      ['primary', start, a],
      ['lower_secondary', a, b],
      ['upper_secondary', b, start + n],
    ];
  }

  school(s: number): SchoolInfo {
    const p = this.provinceOf(s);
    const local = s - this.provinceStart[p];
    const cc = this.communeCount[p];
    const [level, bandStart, bandEnd] = this.bands(p).find(([, a, b]) => s >= a && s < b) ?? ['primary', s, s + 1];
    const groupFirst = bandStart + Math.floor((s - bandStart) / this.spec.groupSize) * this.spec.groupSize;
    const clusterFirst = bandStart + Math.floor((s - bandStart) / this.spec.clusterSize) * this.spec.clusterSize;
    return {
      s,
      province: p,
      local,
      commune: this.communeStart[p] + (local % cc),
      ordInCommune: Math.floor(local / cc),
      level,
      bandStart,
      groupFirst,
      groupEnd: Math.min(groupFirst + this.spec.groupSize, bandEnd),
      clusterFirst,
      clusterEnd: Math.min(clusterFirst + this.spec.clusterSize, bandEnd),
    };
  }

  /** Global index of staff member j of school s (j = 0 principal, 1 vice principal, ≥ 2 teachers). */
  person(s: number, j: number): number {
    return s * this.spec.staffPerSchool + j;
  }

  /** Staff index of member r of team k at a school: r = 0 is the team head, r = 1 the deputy. */
  teamMember(s: number, k: number, r: number): number {
    return this.person(s, 2 + k + 4 * r);
  }

  /** Team index (global) of team k of school s. */
  team(s: number, k: number): number {
    return s * 4 + k;
  }
}
