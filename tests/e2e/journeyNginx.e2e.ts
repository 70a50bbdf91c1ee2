import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { type E2ECluster, login, startE2E } from './harness';
import { walkIssue3Journey } from './journeySteps';

/**
 * Issue 6: the deployment of docs/operations.md — two app processes (real OS processes) on one PostgreSQL database
 * and one DATA_DIR, behind nginx with the shipped deploy/nginx files — passes issue 3's whole browser journey, and
 * both processes serve it (so the test cannot pass with one).
 */
const postgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!postgres)(
  `issue 6: two app processes behind nginx${postgres ? '' : ' (skipped: needs DATABASE_URL — several processes cannot share the embedded PGlite database)'}`,
  () => {
    let e: E2ECluster;
    beforeAll(async () => {
      e = await startE2E({ nginx: { processes: 2 } });
    });
    afterAll(() => e?.close());

    it('seeds the demo data once although both processes started together on an empty database', () => {
      expect(e.seededBy).toHaveLength(1);
      expect(e.emails).toContain('admin@lientruong.vn');
    });

    it('records the address nginx saw, not one the client put in X-Forwarded-For (the per-IP log-in limit)', async () => {
      const res = await fetch(`${e.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'forged-xff-check', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ email: 'giaovien@lientruong.vn', password: e.password }),
      });
      expect(res.status).toBe(200);
      const rows = await queryRows<{ ip: string | null }>(
        e.database.db,
        sql`select ip from auth_sessions where user_agent = 'forged-xff-check'`,
      );
      expect(rows).toEqual([{ ip: '127.0.0.1' }]);
    });

    it('stores an upload bigger than the nginx default body limit on the shared DATA_DIR, readable from both processes', async () => {
      // The first demo log-in with a meeting whose files they manage (as in panelsFlow.e2e.ts).
      const page = await (await e.context()).newPage();
      let meetingId: string | undefined;
      for (const email of ['totruong@lientruong.vn', 'giaovien@lientruong.vn', 'hieutruong@lientruong.vn']) {
        await page.context().clearCookies();
        await login(page, email, e.password);
        for (const m of (await (await page.request.get('/api/meetings/mine')).json()) as Array<{ id: string }>) {
          if ((await (await page.request.get(`/api/meetings/${m.id}`)).json()).can?.upload) meetingId ??= m.id;
        }
        if (meetingId) break;
      }
      expect(meetingId).toBeDefined();
      const csrf = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
      // 3 MiB: nginx refuses bodies over 1 MiB (413) unless client_max_body_size is raised, as the shipped snippet does.
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1_048_576, 0x20), Buffer.from('\n%%EOF\n')]);
      const uploaded = await page.request.post(`/api/meetings/${meetingId}/attachments`, {
        headers: { 'x-csrf-token': csrf },
        multipart: { file: { name: 'Tai lieu sinh hoat chuyen mon.pdf', mimeType: 'application/pdf', buffer: pdf } },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(201);
      const { id } = (await uploaded.json()) as { id: string };
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(existsSync(path.join(e.cluster.dataDir, 'files', sha256.slice(0, 2), sha256))).toBe(true);
      // Straight to each app process, past nginx (the session cookie is per host, not per port).
      for (const upstream of e.cluster.upstreams) {
        const got = await page.request.get(`http://${upstream}/api/attachments/${id}`);
        expect(got.status(), upstream).toBe(200);
        expect(Buffer.compare(await got.body(), pdf), upstream).toBe(0);
      }
      await page.context().close();
    });

    it('walks issue 3 from plan to signed minutes through nginx, served by both processes', async () => {
      const before = e.cluster.accessLog().length;
      await walkIssue3Journey(e, { screenshots: false });

      const journey = e.cluster.accessLog().slice(before);
      expect(journey.filter((r) => r.status >= 500)).toEqual([]);
      for (const [i, upstream] of e.cluster.upstreams.entries()) {
        // nginx says it sent requests to this process…
        const sent = new Set(journey.filter((r) => r.upstream === upstream).map((r) => r.requestId));
        // …and the process's own log has those request ids (nginx passes its $request_id as x-request-id).
        const logged = e.cluster.appLog(i).filter((l) => l.msg === 'request completed' && l.reqId !== undefined && sent.has(l.reqId));
        expect(sent.size, `requests nginx sent to ${upstream}`).toBeGreaterThan(0);
        expect(logged.length, `requests logged by app process ${i + 1} (${upstream})`).toBeGreaterThan(0);
      }
      // Every proxied request was answered by one of the two processes.
      expect(journey.every((r) => e.cluster.upstreams.includes(r.upstream))).toBe(true);
      // Neither process logged an error (a request failing, or a scheduler tick clashing with the other process's).
      for (const i of e.cluster.upstreams.keys()) {
        const errors = e.cluster.appLog(i).filter((l) => (l.level ?? 0) >= 50);
        expect(errors, `errors logged by app process ${i + 1}`).toEqual([]);
      }
      // Both schedulers work one outbox (rows claimed with SKIP LOCKED): the journey's mails go out, none of them twice.
      // The last ones are queued when signing starts; a scheduler tick (every 5 s here) sends them.
      const mails = () => e.cluster.upstreams.flatMap((_, i) => e.cluster.output(i).filter((line) => line.startsWith('[mail] ')));
      await expect.poll(() => mails().some((m) => m.includes('Biên bản chờ bạn ký')), { timeout: 30_000 }).toBe(true);
      expect(mails().length).toBe(new Set(mails()).size);
      // Three OS processes and the browser share the machine: allow more than the in-process journey's 180 s.
    }, 420_000);
  },
);
