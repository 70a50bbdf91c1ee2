import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * CI runs the suite twice: on PGlite, then on PostgreSQL (DATABASE_URL set). A test that cannot differ between the
 * two engines runs once, in the PGlite run: pure unit tests (no database touched — found by reading the test file:
 * it opens no test database) and the browser journeys, which drive the same app through the same API whose every
 * route the integration tests already run on both engines. The browser tests that exist for PostgreSQL (the nginx
 * deployment with several processes on one database), the main journey and the whole-term walk of issue 15 (its
 * count must hold on both engines) still run on PostgreSQL.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const USES_DATABASE = /testApp|noticeApp|db\/client|createTestDatabase|DATABASE_URL|PGlite|pglite/;
const E2E_ON_POSTGRES = ['tests/e2e/journeyNginx.e2e.ts', 'tests/e2e/journey.e2e.ts', 'tests/e2e/termWalk.e2e.ts'];

/** Test files under a folder whose source never opens a database (run once, on PGlite). */
function pureTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.test.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!USES_DATABASE.test(readFileSync(file, 'utf8'))) out.push(file);
  }
  return out;
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: onPostgres ? [...pureTests('src'), ...pureTests('tests'), '**/node_modules/**'] : ['**/node_modules/**'],
          environment: 'node',
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: onPostgres ? E2E_ON_POSTGRES : ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // A browser step answers in well under a second on a quiet machine, but CI shares two cores with the
          // server, PostgreSQL and Chromium: polls wait up to 20 s (they return as soon as the page is right).
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
