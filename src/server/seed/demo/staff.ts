import { buildAccount, buildPerson, buildTeam } from '../../../../tests/factories';
import type { Position } from '../../../shared/enums';
import type { Executor } from '../../db/client';
import { type GeneratedName, vietnameseName } from './names';
import { asciiSlug, type Rng } from './random';

/** Shared state of one demo build: generator, subject ids, e-mails taken, counters. */
export interface SeedContext {
  db: Executor;
  rng: Rng;
  password: string;
  subjectIds: Map<string, string>;
  emails: Set<string>;
  /** Full names taken: generated names never repeat, nor copy a person named in the seeds. */
  names: Set<string>;
  seq: number;
  counts: { orgs: number; people: number; accounts: number; networks: number };
}

/** Demo e-mails live under this domain. */
export const DEMO_DOMAIN = 'lientruong.vn';

/** A unique ASCII e-mail such as "hungnv.thcshoaphu@lientruong.vn" (đ → d, diacritics stripped). */
export function emailFor(ctx: SeedContext, fullName: string, unit: string): string {
  const words = fullName.split(' ');
  const given = asciiSlug(words.at(-1) ?? fullName);
  const initials = words
    .slice(0, -1)
    .map((w) => asciiSlug(w).charAt(0))
    .join('');
  const base = `${given}${initials}.${unit}`;
  let email = `${base}@${DEMO_DOMAIN}`;
  for (let i = 2; ctx.emails.has(email); i++) email = `${base}${i}@${DEMO_DOMAIN}`;
  ctx.emails.add(email);
  return email;
}

/** A generated name no one else in the demo has. */
export function newName(ctx: SeedContext, femaleShare?: number): GeneratedName {
  for (;;) {
    const name = vietnameseName(ctx.rng, femaleShare);
    if (!ctx.names.has(name.fullName)) {
      ctx.names.add(name.fullName);
      return name;
    }
  }
}

/** Maps subject codes to ids; throws on an unknown code (the reference data must have it). */
export function subjectIdsOf(ctx: SeedContext, codes: string[]): string[] {
  return codes.map((c) => {
    const id = ctx.subjectIds.get(c);
    if (!id) throw new Error(`demo seed: unknown subject ${c}`);
    return id;
  });
}

/** One person to create, with positions and an account. */
export interface PersonSpec {
  fullName: string;
  gender: GeneratedName['gender'] | null;
  positions: Array<{ orgId: string; position: Position; validFrom?: string | null; validTo?: string | null }>;
  subjectCodes?: string[];
  /** A fixed e-mail (the easy demo log-ins); otherwise one is made from the name and unit. */
  email?: string;
  /** ASCII unit tag for the generated e-mail ("thcshoaphu"). */
  unit: string;
  isAdmin?: boolean;
}

/** Creates a person with positions, subjects and an account (shared demo password). */
export async function addPerson(ctx: SeedContext, spec: PersonSpec) {
  const email = spec.email ?? emailFor(ctx, spec.fullName, spec.unit);
  ctx.emails.add(email);
  ctx.seq += 1;
  const person = await buildPerson(ctx.db, {
    code: `LT-${String(ctx.seq).padStart(5, '0')}`,
    fullName: spec.fullName,
    email,
    gender: spec.gender,
    positions: spec.positions,
    subjectIds: subjectIdsOf(ctx, spec.subjectCodes ?? []),
  });
  await buildAccount(ctx.db, { personId: person.id, email, password: ctx.password, isAdmin: spec.isAdmin });
  ctx.counts.people += 1;
  ctx.counts.accounts += 1;
  return person;
}

/** A start date in August of a year drawn between from and to. */
export function startDate(ctx: SeedContext, from: number, to: number): string {
  return `${ctx.rng.int(from, to)}-08-${String(ctx.rng.int(1, 28)).padStart(2, '0')}`;
}

/** A school (or centre) to staff: its principal and subject teams. */
export interface StaffPlan {
  schoolId: string;
  schoolCode: string;
  unit: string;
  principal?: { fullName: string; gender: 'male' | 'female'; email?: string };
  /** Teams with the subject of each member: team head first, then the teachers. */
  teams: Array<{ name: string; code: string; subjects: string[]; roster: string[] }>;
  /** Easy e-mails for the head and the first teacher of the first team. */
  firstTeam?: { headEmail?: string; teacherEmail?: string };
}

/** Creates the principal, the subject teams, each team's head and teachers. Returns the principal's person id. */
export async function staffSchool(ctx: SeedContext, plan: StaffPlan): Promise<string> {
  const p = plan.principal ?? newName(ctx, 0.45);
  const principal = await addPerson(ctx, {
    ...p,
    email: plan.principal?.email,
    unit: plan.unit,
    positions: [{ orgId: plan.schoolId, position: 'principal', validFrom: startDate(ctx, 2012, 2022) }],
  });
  for (const [ti, t] of plan.teams.entries()) {
    const team = await buildTeam(ctx.db, {
      parentId: plan.schoolId,
      name: t.name,
      code: `${plan.schoolCode}-${t.code}`,
      subjectIds: subjectIdsOf(ctx, t.subjects),
    });
    ctx.counts.orgs += 1;
    for (const [i, subject] of t.roster.entries()) {
      const position: Position = i === 0 ? 'team_head' : 'teacher';
      const easy = ti === 0 ? (i === 0 ? plan.firstTeam?.headEmail : i === 1 ? plan.firstTeam?.teacherEmail : undefined) : undefined;
      await addPerson(ctx, {
        ...newName(ctx),
        email: easy,
        unit: plan.unit,
        positions: [{ orgId: team.id, position, validFrom: startDate(ctx, i === 0 ? 2014 : 2005, 2023) }],
        subjectCodes: [subject],
      });
    }
  }
  return principal.id;
}
