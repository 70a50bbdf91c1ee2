import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, buildOrg, buildReport, buildRuleSet, buildSchool, buildSchoolYear, buildUser } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { Rollup } from '../../../shared/reports';
import { owesReport, reportDueOn } from './owed';

/**
 * Issue 16 point 2: a roll-up flags exactly the units the rules make owe a report (owed.ts). A mixed province in
 * 2025-2026: the Sở's rules set a term-I report deadline (20/12) and no year deadline; it supervises Cụm THPT số 1
 * and has a commune office and two high schools, one with its own (draft) term-I report, one without. The commune
 * has its own rules with no report deadline and supervises Nhóm liên trường xã of its one school.
 */
let t: TestApp;
let specialist: TestClient;
const ids = { year: '', so: '', commune: '', withReport: '', without: '', communeSchool: '', asked: '', notAsked: '' };
const NAMES = {
  commune: 'UBND xã Thử Nghiệm',
  withReport: 'Trường THPT Có Báo Cáo',
  without: 'Trường THPT Không Báo Cáo',
  communeSchool: 'Trường THCS Xã Thử Nghiệm',
  asked: 'Cụm THPT số 1',
  notAsked: 'Nhóm liên trường xã Thử Nghiệm',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  const year = await buildSchoolYear(db, { code: '2025-2026' });
  const so = await buildOrg(db, { type: 'province_department', name: 'Sở Giáo dục và Đào tạo Thử Nghiệm', code: 'SO-RR' });
  const commune = await buildOrg(db, { type: 'commune', name: NAMES.commune, parentId: so.id });
  const high = { parentId: so.id, levels: ['upper_secondary' as const] };
  const withReport = await buildSchool(db, { ...high, name: NAMES.withReport });
  const without = await buildSchool(db, { ...high, name: NAMES.without });
  const communeSchool = await buildSchool(db, { name: NAMES.communeSchool, parentId: commune.id });
  await buildRuleSet(db, {
    orgId: so.id,
    schoolYearId: year.id,
    term1ReportDue: '2025-12-20',
    quotas: [{ target: 'cluster', per: 'term', minCount: 1 }],
  });
  await buildRuleSet(db, { orgId: commune.id, schoolYearId: year.id, quotas: [{ target: 'school_group', per: 'term', minCount: 2 }] });
  const asked = await buildNetwork(db, {
    schoolYearId: year.id,
    supervisingOrgId: so.id,
    memberOrgIds: [withReport.id, without.id],
    kind: 'cluster',
    name: NAMES.asked,
  });
  const notAsked = await buildNetwork(db, {
    schoolYearId: year.id,
    supervisingOrgId: commune.id,
    memberOrgIds: [communeSchool.id],
    kind: 'school_group',
    name: NAMES.notAsked,
  });
  await buildReport(db, { schoolYearId: year.id, reviewerOrgId: so.id, orgId: withReport.id, termNumber: 1 });
  Object.assign(ids, {
    year: year.id,
    so: so.id,
    commune: commune.id,
    withReport: withReport.id,
    without: without.id,
    communeSchool: communeSchool.id,
    asked: asked.id,
    notAsked: notAsked.id,
  });
  const user = await buildUser(db, { positions: [{ orgId: so.id, position: 'specialist' }] });
  specialist = await t.client().login(user.email, user.password);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const query = (orgId: string, term: 1 | null) => `orgId=${orgId}&schoolYearId=${ids.year}${term ? `&termNumber=${term}` : ''}`;
const rollupOf = async (orgId: string, term: 1 | null): Promise<Rollup> => {
  const res = await specialist.get(`/api/reports/rollup?${query(orgId, term)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const download = async (what: 'docx' | 'xlsx', orgId: string, term: 1 | null): Promise<Buffer> => {
  const res = await specialist.get(`/api/reports/rollup.${what}?${query(orgId, term)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
/** The lines of a DOCX's body: each paragraph (a table cell is one) on its own line. */
async function docxLines(buf: Buffer): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .split('\n');
}
/** The table cells of a unit's row in the DOCX lines: [report column, …, notes]. */
const rowOf = (lines: string[], name: string) => {
  const i = lines.indexOf(name);
  expect(i, name).toBeGreaterThan(0);
  return { report: lines[i + 1], notes: lines[i + 7] };
};
const missingLine = (lines: string[]) => lines.find((l) => l.startsWith('Đơn vị chưa nộp báo cáo: ')) ?? '';
const flags = (r: Rollup) => Object.fromEntries(r.rows.map((x) => [x.name, { owes: x.owesReport, missing: x.missingReport }]));

describe('owed.ts: the period’s report deadline decides', () => {
  const rules = { term1ReportDue: '2025-12-20', yearReportDue: null };
  it('term I asks a report when its deadline is set, the year and term II do not here', () => {
    expect(reportDueOn(rules, 1)).toBe('2025-12-20');
    expect(reportDueOn(rules, null)).toBeNull();
    expect(reportDueOn({ term1ReportDue: null, yearReportDue: '2026-05-16' }, 2)).toBeNull();
    expect(reportDueOn({ term1ReportDue: null, yearReportDue: '2026-05-16' }, null)).toBe('2026-05-16');
  });
  it('networks and offices owe it, schools and teams never', () => {
    expect(owesReport({ kind: 'network', unitType: 'school_group' }, rules, 1)).toBe(true);
    expect(owesReport({ kind: 'org', unitType: 'commune' }, rules, 1)).toBe(true);
    expect(owesReport({ kind: 'org', unitType: 'district_office' }, rules, 1)).toBe(true);
    expect(owesReport({ kind: 'org', unitType: 'school' }, rules, 1)).toBe(false);
    expect(owesReport({ kind: 'org', unitType: 'team' }, rules, 1)).toBe(false);
    expect(owesReport({ kind: 'network', unitType: 'cluster' }, rules, null)).toBe(false);
    expect(owesReport({ kind: 'network', unitType: 'cluster' }, rules, 2)).toBe(false);
  });
});

describe('roll-up of a mixed province: exactly the units the rules make owe a report are flagged', () => {
  it('the Sở, term I: its cluster and the commune owe and are missing; the schools owe none, with a report or without', async () => {
    const r = await rollupOf(ids.so, 1);
    expect(flags(r)).toEqual({
      [NAMES.asked]: { owes: true, missing: true },
      [NAMES.commune]: { owes: true, missing: true },
      [NAMES.withReport]: { owes: false, missing: false },
      [NAMES.without]: { owes: false, missing: false },
    });
    expect(r.rows.find((x) => x.id === ids.withReport)?.reportStatus).toBe('draft');
    expect(r.totals).toMatchObject({ owed: 2, submitted: 0, missing: 2 });

    const lines = await docxLines(await download('docx', ids.so, 1));
    expect(lines.join('\n')).toContain('0/2 đơn vị phải nộp đã nộp báo cáo');
    expect(new Set(missingLine(lines).replace('Đơn vị chưa nộp báo cáo: ', '').split('; '))).toEqual(new Set([NAMES.asked, NAMES.commune]));
    expect(rowOf(lines, NAMES.asked)).toMatchObject({ report: 'Chưa có', notes: expect.stringContaining('Chưa nộp báo cáo') });
    expect(rowOf(lines, NAMES.commune)).toMatchObject({ report: 'Chưa có', notes: expect.stringContaining('Chưa nộp báo cáo') });
    expect(rowOf(lines, NAMES.withReport)).toEqual({ report: 'Đang soạn', notes: '' });
    expect(rowOf(lines, NAMES.without)).toEqual({ report: 'Không phải nộp', notes: '' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx', ids.so, 1)) as unknown as ArrayBuffer);
    const reportColumn = new Map<string, string>();
    wb.worksheets[0].eachRow((row) => {
      reportColumn.set(String(row.getCell(2).value), String(row.getCell(3).value));
    });
    expect(reportColumn.get(NAMES.asked)).toBe('Chưa có');
    expect(reportColumn.get(NAMES.without)).toBe('Không phải nộp');
    expect(reportColumn.get('Tổng cộng')).toBe('0/2');
  });

  it('the commune, term I: its rules ask no report, so its network and school read “Không phải nộp”', async () => {
    const r = await rollupOf(ids.commune, 1);
    expect(flags(r)).toEqual({
      [NAMES.notAsked]: { owes: false, missing: false },
      [NAMES.communeSchool]: { owes: false, missing: false },
    });
    expect(r.totals).toMatchObject({ owed: 0, submitted: 0, missing: 0 });
    const lines = await docxLines(await download('docx', ids.commune, 1));
    expect(lines.join('\n')).toContain('0/0 đơn vị phải nộp đã nộp báo cáo');
    expect(missingLine(lines)).toBe('Đơn vị chưa nộp báo cáo: không có');
    expect(rowOf(lines, NAMES.notAsked).report).toBe('Không phải nộp');
    expect(rowOf(lines, NAMES.communeSchool).report).toBe('Không phải nộp');
  });

  it('the Sở, the year: its rules set no year deadline, so nobody owes a year report', async () => {
    const r = await rollupOf(ids.so, null);
    expect(r.rows).toHaveLength(4);
    expect(r.rows.every((x) => !x.owesReport && !x.missingReport)).toBe(true);
    expect(r.totals).toMatchObject({ owed: 0, missing: 0 });
    expect(missingLine(await docxLines(await download('docx', ids.so, null)))).toBe('Đơn vị chưa nộp báo cáo: không có');
  });
});
