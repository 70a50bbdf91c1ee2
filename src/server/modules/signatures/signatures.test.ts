import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinutesMeeting, buildMinutesWorld, clientPool, type MinutesWorld } from '../../../../tests/helpers/minutesWorld';
import { hasPkiTools, makeTestPki, pdfsig, startTsa } from '../../../../tests/helpers/pki';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';
import { hasLibreOffice } from '../../lib/pdf/pdfa';
import { verifyPdf } from '../../lib/pdf/verify';

/**
 * Issue 18, points 1 and 2 through HTTP: a Sở's "CA signature required" setting for minutes holds the lock until the
 * school's leader signs Mẫu 2 with the seal (here on a SoftHSM2 token, timestamped by a loopback TSA); "account"
 * locks as before. The signed PDF/A is checked by pdfsig and by the app's verifier, and a copy with one byte changed
 * is reported as modified by both; the QR code of page 1 decodes to the verification URL of the record.
 */

const tools = (await hasLibreOffice()) && hasPkiTools;
if (!tools) console.warn('SKIP: soffice, softhsm2-util, pkcs11-tool, openssl or pdfsig is missing: the sealing checks are skipped');

const pki = tools ? makeTestPki('Trường THCS Tân Thạnh Đông') : null;
const tsa = pki ? await startTsa(pki) : null;
const work = mkdtempSync(path.join(tmpdir(), 'lt-seal-'));
let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;

beforeAll(async () => {
  t = await createTestApp({ seal: pki?.token ?? null, tsaUrl: tsa?.url ?? null, publicUrl: 'https://lientruong.test', dataDir: work });
  w = await buildMinutesWorld(t.db, { guests: 0 });
  as = clientPool(t);
}, 120_000);
afterAll(async () => {
  await t.close();
  await tsa?.close();
});

/** A past meeting of school 1 whose minutes are written and out for signing (signers: the secretary and the chair). */
async function signingMeeting() {
  const { meeting } = await buildMinutesMeeting(t.db, w, { guests: [], startsAt: new Date('2026-05-20T07:30:00+07:00') });
  const secretary = await as(w.users.teamHead);
  const text = await secretary.put(`/api/meetings/${meeting.id}/minutes`, {
    discussion: '<p>Thảo luận về tiết dạy</p>',
    recommendations: '',
  });
  expect(text.statusCode, text.body).toBe(200);
  const started = await secretary.post(`/api/meetings/${meeting.id}/minutes/start-signing`);
  expect(started.statusCode, started.body).toBe(200);
  expect((await secretary.post(`/api/meetings/${meeting.id}/minutes/sign`)).statusCode).toBe(200);
  return meeting;
}

const chairSigns = async (meetingId: string) => (await as(w.users.principal)).post(`/api/meetings/${meetingId}/minutes/sign`);
const status = async (meetingId: string) =>
  (await queryRows<{ status: string }>(t.db, sql`select status from minutes where meeting_id = ${meetingId}`))[0]?.status;

describe('the Sở setting for minutes', () => {
  it('is changed by the Sở office only, and lists every form kind', async () => {
    const url = `/api/signature-settings/${w.orgs.province.id}`;
    expect((await (await as(w.users.principal)).put(`${url}/minutes`, { mode: 'ca_required' })).statusCode).toBe(403);
    const bad = await (await as(w.users.specialist)).put(`${url}/minutes`, { mode: 'paper' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('ca_required');
    const notSo = await (await as(w.users.admin)).get(`/api/signature-settings/${w.orgs.school1.id}`);
    expect(notSo.statusCode).toBe(404);
    const read = await (await as(w.users.specialist)).get(url);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().settings.find((s: { formKind: string }) => s.formKind === 'minutes').mode).toBe('account');
  });

  it('"account": the chair’s signature locks the minutes as today', async () => {
    const meeting = await signingMeeting();
    const res = await chairSigns(meeting.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(await status(meeting.id)).toBe('locked');
  });

  it('"ca_required": the lock waits for the seal (409), nobody but the school’s leaders seals', async () => {
    const set = await (await as(w.users.specialist)).put(`/api/signature-settings/${w.orgs.province.id}/minutes`, { mode: 'ca_required' });
    expect(set.statusCode, set.body).toBe(200);
    const meeting = await signingMeeting();
    const refused = await chairSigns(meeting.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('Sở yêu cầu chữ ký số CA cho biên bản');
    expect(await status(meeting.id)).toBe('signing');
    const signatures = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from minutes_signatures s join minutes m on m.id = s.minutes_id where m.meeting_id = ${meeting.id}`,
    );
    expect(signatures[0]?.n).toBe(1);
    expect((await (await as(w.users.teacher)).post(`/api/meetings/${meeting.id}/minutes/seal`)).statusCode).toBe(403);
    expect((await (await as(w.users.otherPrincipal)).post(`/api/meetings/${meeting.id}/minutes/seal`)).statusCode).toBe(403);
  });

  it.skipIf(!tools)(
    'seals Mẫu 2 on the token with a timestamp, then locks; pdfsig and verifyPdf agree, a changed byte fails both',
    async () => {
      const meeting = await signingMeeting();
      const sealed = await (await as(w.users.principal)).post(`/api/meetings/${meeting.id}/minutes/seal`);
      expect(sealed.statusCode, sealed.body).toBe(201);
      expect(sealed.json()).toMatchObject({ signerName: 'Trường THCS Tân Thạnh Đông', timestamped: true, formKind: 'minutes' });
      expect((await (await as(w.users.principal)).post(`/api/meetings/${meeting.id}/minutes/seal`)).statusCode).toBe(409);
      const locked = await chairSigns(meeting.id);
      expect(locked.statusCode, locked.body).toBe(200);
      expect(await status(meeting.id)).toBe('locked');

      const res = await (await as(w.users.teacher)).get(`/api/exports/minutes/${meeting.id}.pdf`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.rawPayload;
      const file = path.join(work, 'mau-2-da-ky.pdf');
      writeFileSync(file, pdf);
      const report = pdfsig(file);
      expect(report).toContain('Signature is Valid');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Trường THCS Tân Thạnh Đông');
      const mine = await verifyPdf(pdf);
      expect(mine).toMatchObject({ modified: false, signatures: [{ valid: true, coversWholeDocument: true, timestamped: true }] });
      const text = pdf.toString('latin1');
      expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(text).toContain('<pdfaid:conformance>B</pdfaid:conformance>');

      const tampered = Buffer.from(pdf);
      tampered[2000] = tampered[2000] ^ 0x20;
      const bad = path.join(work, 'mau-2-sua.pdf');
      writeFileSync(bad, tampered);
      expect(pdfsig(bad)).toContain('Digest Mismatch');
      expect((await verifyPdf(tampered)).modified).toBe(true);

      // Page 1 as a picture (its bottom-left corner at 300 dpi): the QR code leads to the verification page of the
      // record, with the locked record's hash.
      const corner = ['-x', '0', '-y', '2800', '-W', '800', '-H', '708'];
      execFileSync('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', ...corner, '-singlefile', file, path.join(work, 'page1')]);
      const ppm = readFileSync(path.join(work, 'page1.ppm'));
      const [, width, height] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1')) ?? [];
      const header = ppm.length - Number(width) * Number(height) * 3;
      const rgba = new Uint8ClampedArray(Number(width) * Number(height) * 4);
      for (let i = 0, j = header; i < rgba.length; i += 4, j += 3) rgba.set([ppm[j], ppm[j + 1], ppm[j + 2], 255], i);
      const hash = (await queryRows<{ text_hash: string }>(t.db, sql`select text_hash from minutes where meeting_id = ${meeting.id}`))[0]
        ?.text_hash;
      expect(jsQR(rgba, Number(width), Number(height))?.data).toBe(`https://lientruong.test/verify/minutes/${meeting.id}?h=${hash}`);

      // The stored copy never changes.
      await expect(t.db.execute(sql`update signed_documents set signer_name = 'khác' where record_id = ${meeting.id}`)).rejects.toThrow();
      await expect(t.db.execute(sql`delete from signed_documents where record_id = ${meeting.id}`)).rejects.toThrow();
    },
    240_000,
  );
});
