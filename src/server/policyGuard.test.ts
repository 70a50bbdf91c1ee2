import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Authorisation lives in policy files only (ENGINEERING.md rule 3): a module's `policy.ts` (or its `access.ts`, which
 * loads a resource's facts and authorises in one step) and the shared `lib/policy.ts`. Services call
 * `authorize(actor, action, facts)`; they neither throw FORBIDDEN nor weigh scopes or the admin flag themselves.
 * This test reads the server's source and fails when one of these signs appears anywhere else.
 */
const ROOT = join(__dirname);

const SIGNS = {
  FORBIDDEN: /'FORBIDDEN'/,
  scopeOf: /\bscopeOf\b/,
  atLeast: /\batLeast\b/,
  isAdmin: /\bisAdmin\b/,
} as const;
type Sign = keyof typeof SIGNS;

/** Files allowed to show a sign for a reason other than deciding a request; paths relative to src/server. */
const ALLOWED: { file: string; signs: Sign[]; reason: string }[] = [
  { file: 'lib/actor.ts', signs: ['scopeOf', 'atLeast', 'isAdmin'], reason: 'defines the actor, scopeOf and atLeast' },
  { file: 'lib/auth.ts', signs: ['isAdmin'], reason: 'reads the account’s admin flag into the session' },
  { file: 'db/schema/accounts.ts', signs: ['isAdmin'], reason: 'declares the is_admin column' },
  { file: 'modules/auth/repo.ts', signs: ['isAdmin'], reason: 'selects the admin flag with the session' },
  {
    file: 'modules/auth/service.ts',
    signs: ['isAdmin'],
    reason: 'loads the actor from the stored admin flag at log-in and reports the flag in me',
  },
  { file: 'modules/accounts/repo.ts', signs: ['isAdmin'], reason: 'selects the admin flag of listed accounts' },
  { file: 'modules/accounts/service.ts', signs: ['isAdmin'], reason: 'stores and audits the admin flag an admin sets' },
  {
    file: 'modules/meetings/calendarRepo.ts',
    signs: ['isAdmin'],
    reason: 'selects a calendar feed reader’s admin flag with their token',
  },
  {
    file: 'modules/meetings/calendar.ts',
    signs: ['isAdmin'],
    reason: 'loads a calendar feed reader’s actor from the stored admin flag (no session)',
  },
  { file: 'seed/bootstrap.ts', signs: ['isAdmin'], reason: 'builds the first admin as the system, not a request' },
  { file: 'seed/demo.ts', signs: ['isAdmin'], reason: 'builds demo data as the system, not a request' },
  { file: 'seed/demo/staff.ts', signs: ['isAdmin'], reason: 'builds demo data as the system, not a request' },
  {
    file: 'seed/demo/materials.ts',
    signs: ['isAdmin'],
    reason: 'loads a demo author’s actor from their stored admin flag, to share the library’s items with their rights',
  },
];

/** Every non-test TypeScript file under src/server, relative path → content. */
function sources(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.set(relative(ROOT, path), readFileSync(path, 'utf8'));
  }
  return out;
}

/** A policy file may decide: a module's policy.ts or access.ts, or the shared lib/policy.ts. */
function isPolicyFile(file: string): boolean {
  return /(^|\/)(policy|access)\.ts$/.test(file);
}

/** The signs a file shows. */
function signsIn(text: string): Sign[] {
  return (Object.keys(SIGNS) as Sign[]).filter((s) => SIGNS[s].test(text));
}

const files = sources(ROOT);

describe('authorisation stays in policy files', () => {
  it('no file outside policy.ts / access.ts throws FORBIDDEN or weighs scopes or the admin flag', () => {
    const offences: string[] = [];
    for (const [file, text] of files) {
      if (isPolicyFile(file)) continue;
      const allowed = ALLOWED.find((a) => a.file === file)?.signs ?? [];
      for (const sign of signsIn(text)) if (!allowed.includes(sign)) offences.push(`${file}: ${sign}`);
    }
    expect(offences).toEqual([]);
  });

  it('every allow-list entry is still needed (remove it once the file is clean)', () => {
    const stale: string[] = [];
    for (const a of ALLOWED) {
      const found = signsIn(files.get(a.file) ?? '');
      for (const sign of a.signs) if (!found.includes(sign)) stale.push(`${a.file}: ${sign}`);
    }
    expect(stale).toEqual([]);
  });
});
