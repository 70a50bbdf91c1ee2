import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 16, point 7: signing at the venue. On the demo data, the minutes of Nhóm 1's topic report wait for the demo
 * teacher, the demo team head and the chair. Each sets their own PIN (the teacher through "Mã PIN ký tại chỗ", the
 * others through the same API), then the secretary's phone takes the three signatures in turn; the chair's locks.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

const TITLE = 'Chuyên đề: Dạy học phát triển năng lực mô hình hóa toán học';

interface Signer {
  personId: string;
  fullName: string;
  email: string;
  role: 'chair' | 'secretary' | 'participant';
}

/** The minutes awaiting signatures, their secretary, and who has not signed (from the frozen signers). */
async function findMinutes() {
  const [m] = await queryRows<{ meetingId: string; secretaryEmail: string; secretaryId: string }>(
    e.database.db,
    sql`select mt.id as "meetingId", a.email as "secretaryEmail", mt.secretary_person_id as "secretaryId"
        from meetings mt join minutes mi on mi.meeting_id = mt.id join accounts a on a.person_id = mt.secretary_person_id
        where mt.title = ${TITLE} and mi.status = 'signing'`,
  );
  if (!m) throw new Error('demo minutes awaiting signatures not found');
  const unsigned = await queryRows<Signer>(
    e.database.db,
    sql`select s."personId", p.full_name as "fullName", a.email, s.role
        from minutes mi, jsonb_to_recordset(mi.frozen->'signers') as s("personId" uuid, role text)
        join people p on p.id = s."personId" join accounts a on a.person_id = s."personId"
        where mi.meeting_id = ${m.meetingId}
          and not exists (select 1 from minutes_signatures x where x.minutes_id = mi.id and x.person_id = s."personId")
        order by s.role = 'chair', p.full_name`,
  );
  return { ...m, unsigned };
}

async function loggedIn(email: string): Promise<Page> {
  const page = await (await e.context(PHONE)).newPage();
  await login(page, email, e.password);
  return page;
}

describe('venue signing on the secretary’s phone', () => {
  it('three participants sign in turn with their own PINs; the chair signs last and the minutes lock', async () => {
    const { meetingId, secretaryEmail, secretaryId, unsigned } = await findMinutes();
    expect(unsigned.map((s) => s.email).sort()).toEqual(expect.arrayContaining(['giaovien@lientruong.vn', 'totruong@lientruong.vn']));
    expect(unsigned).toHaveLength(3);
    expect(unsigned.at(-1)?.role).toBe('chair');
    const pins = new Map(unsigned.map((s, i) => [s.personId, ['2580', '3691', '47025'][i] as string]));

    // The demo teacher sets their PIN in their account, on their own phone.
    const teacher = unsigned.find((s) => s.email === 'giaovien@lientruong.vn') as Signer;
    const own = await loggedIn(teacher.email);
    await own.goto('/account/signing-pin');
    await own.getByText('Bạn chưa đặt mã PIN').waitFor();
    await own.getByTestId('pin-new').fill(pins.get(teacher.personId) as string);
    await own.getByTestId('pin-confirm').fill(pins.get(teacher.personId) as string);
    await own.getByTestId('pin-save').click();
    await own.getByTestId('pin-status').waitFor();
    // The two others through the API their account page uses.
    for (const s of unsigned.filter((x) => x.personId !== teacher.personId)) {
      const page = await loggedIn(s.email);
      const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
      const res = await page.request.put('/api/auth/signing-pin', {
        data: { pin: pins.get(s.personId) },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(res.status(), await res.text()).toBe(200);
    }

    const phone = await loggedIn(secretaryEmail);
    await phone.goto(`/meetings/${meetingId}/minutes`);
    await phone.getByTestId('venue-open').click();
    const list = phone.getByTestId('venue-signing');
    await expect.poll(() => list.getByTestId('venue-signer').count()).toBe(3);
    await expect.poll(() => list.getByRole('button', { name: unsigned[2]?.fullName }).isDisabled()).toBe(true);
    await screenshot(phone, 'venue-signing-list');

    for (const [i, s] of unsigned.entries()) {
      await list.getByRole('button', { name: s.fullName }).click();
      const dialog = phone.getByRole('dialog');
      if (i === 0) {
        await dialog.getByTestId('venue-secret').fill('9753');
        await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
        await dialog.getByText('Mã PIN không đúng. Còn 4 lần thử').waitFor();
      }
      await dialog.getByTestId('venue-secret').fill(pins.get(s.personId) as string);
      await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      if (i < 2) await expect.poll(() => list.getByTestId('venue-signer').count()).toBe(2 - i);
    }

    await phone.getByTestId('lock-banner').waitFor();
    await expect.poll(() => phone.getByTestId('minutes-status').textContent()).toBe('Đã khóa');
    await expect.poll(() => phone.getByTestId('venue-signing').count()).toBe(0);
    // The three confirmations close by themselves; then the banner at the top of the page.
    await expect.poll(() => phone.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await phone.evaluate(() => window.scrollTo(0, 0));
    await screenshot(phone, 'venue-signing-locked');

    const rows = await queryRows<{ personId: string; method: string; heldBy: string }>(
      e.database.db,
      sql`select s.person_id as "personId", s.method, s.held_by as "heldBy" from minutes_signatures s
          join minutes m on m.id = s.minutes_id where m.meeting_id = ${meetingId} and s.method <> 'account'`,
    );
    expect(rows.map((r) => r.personId).sort()).toEqual(unsigned.map((s) => s.personId).sort());
    expect(rows.every((r) => r.method === 'pin' && r.heldBy === secretaryId)).toBe(true);
    const [minutes] = await queryRows<{ status: string }>(e.database.db, sql`select status from minutes where meeting_id = ${meetingId}`);
    expect(minutes?.status).toBe('locked');
  });
});
