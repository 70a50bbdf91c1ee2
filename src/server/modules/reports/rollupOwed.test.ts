import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportWorld, type ReportWorld } from '../../../../tests/helpers/reportWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { Rollup } from '../../../shared/reports';
import { accounts, networkLeaders } from '../../db/schema';

/**
 * Issue 15 point 10: the roll-up counts the reports that are with the reviewer (submitted, resubmitted, accepted) out
 * of the units that owe one, and never calls a unit that owes nothing (a school, with or without a report) "chưa nộp".
 * Who owes is what the rules ask (owed.ts; the Sở's Củ Chi rules set a term-I deadline): rollupRules.test.ts.
 */
let t: TestApp;
let w: ReportWorld;
let specialist: TestClient;
let officer: TestClient;

beforeAll(async () => {
  t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'lt-rollup-owed-')) });
  w = await buildReportWorld(t.db);
  specialist = await t.client().login('chuyenvien.so@lientruong.vn', w.seeded.password);
  officer = await t.client().login('canbo.xa@lientruong.vn', w.seeded.password);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const query = (orgId: string) => `orgId=${orgId}&schoolYearId=${w.year.id}&termNumber=1`;
const rollupOf = async (c: TestClient, orgId: string): Promise<Rollup> => {
  const res = await c.get(`/api/reports/rollup?${query(orgId)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The text of a DOCX's body (its runs joined; each paragraph on its own line). */
async function docxText(buf: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

async function leaderOf(networkId: string): Promise<TestClient> {
  const [row] = await t.db
    .select({ email: accounts.email })
    .from(networkLeaders)
    .innerJoin(accounts, eq(accounts.personId, networkLeaders.personId))
    .where(and(eq(networkLeaders.networkId, networkId), eq(networkLeaders.role, 'leader')));
  return t.client().login(row.email, w.seeded.password);
}

describe('roll-up: who owes a report', () => {
  it('a commune’s schools without a report owe none: not missing, and left out of the submitted/owed count', async () => {
    const r = await rollupOf(officer, w.commune.id);
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.every((x) => x.kind === 'org' && !x.owesReport && !x.missingReport && x.reportStatus === null)).toBe(true);
    expect(r.totals).toMatchObject({ owed: 0, submitted: 0, missing: 0 });
    const text = await docxText((await officer.get(`/api/reports/rollup.docx?${query(w.commune.id)}`)).rawPayload);
    expect(text).toContain('Không phải nộp');
    expect(text).not.toContain('Chưa nộp báo cáo');
    expect(text).toContain('Đơn vị chưa nộp báo cáo: không có');
    expect(text).toContain(`0/0 đơn vị phải nộp đã nộp báo cáo`);
  });

  it('a school that starts a report still owes none (issue 16): its report shows, it is never counted missing', async () => {
    const school = (await rollupOf(officer, w.commune.id)).rows[0];
    // the commune's officer drafts it for the school (office staff over an org may)
    const res = await officer.post('/api/reports', { schoolYearId: w.year.id, termNumber: 1, orgId: school.id });
    expect(res.statusCode, res.body).toBe(201);
    const r = await rollupOf(officer, w.commune.id);
    expect(r.rows.find((x) => x.id === school.id)).toMatchObject({ owesReport: false, missingReport: false, reportStatus: 'draft' });
    expect(r.totals).toMatchObject({ owed: 0, submitted: 0, missing: 0 });
  });

  it('the Sở: every network and commune owes; submitted reports count, a returned one does not until sent again', async () => {
    const before = await rollupOf(specialist, w.so.id);
    expect(before.totals.owed).toBe(before.rows.length);
    expect(before.totals.submitted + before.totals.missing).toBe(before.totals.owed);
    const leader = await leaderOf(w.networks.g2.id);
    const created = await leader.post('/api/reports', { schoolYearId: w.year.id, termNumber: 1, networkId: w.networks.g2.id });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await leader.post(`/api/reports/${id}/submit`)).statusCode).toBe(200);
    const sent = await rollupOf(specialist, w.so.id);
    expect(sent.totals.submitted).toBe(before.totals.submitted + 1);
    expect(sent.rows.find((x) => x.id === w.networks.g2.id)).toMatchObject({ reportStatus: 'submitted', missingReport: false });
    let text = await docxText((await specialist.get(`/api/reports/rollup.docx?${query(w.so.id)}`)).rawPayload);
    expect(text).toContain(`${sent.totals.submitted}/${sent.totals.owed} đơn vị phải nộp đã nộp báo cáo`);
    expect(text).toContain(`${sent.totals.submitted}/${sent.totals.owed}\n`);

    expect((await specialist.post(`/api/reports/${id}/return`, { comment: 'Bổ sung số liệu' })).statusCode).toBe(200);
    const returned = await rollupOf(specialist, w.so.id);
    expect(returned.totals.submitted).toBe(before.totals.submitted);
    expect(returned.rows.find((x) => x.id === w.networks.g2.id)).toMatchObject({ reportStatus: 'returned', missingReport: true });
    text = await docxText((await specialist.get(`/api/reports/rollup.docx?${query(w.so.id)}`)).rawPayload);
    expect(text).toContain('Báo cáo bị trả lại, chưa gửi lại');
  });
});
