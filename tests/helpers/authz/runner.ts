import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/server/db/client';
import { mailOutbox, minutesAddenda, notifications } from '../../../src/server/db/schema';
import { multipartWithFields } from '../materialsWorld';
import type { TestApp, TestClient } from '../testApp';
import { type AuthzWorld, MATERIAL_BYTES, makeFresh, type Scope } from './fixtures';
import { NOBODY } from './paths';
import type { Ctx, FreshKind } from './spec';

/** A small PDF: the upload routes check the type by extension and first bytes. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 32), Buffer.from('\n%%EOF\n')]);

async function upload(c: TestClient, url: string): Promise<string> {
  const { body, headers } = multipartWithFields({}, 'tai-lieu.pdf', PDF);
  const res = await c.request('POST', url, body, headers);
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`upload ${url}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/**
 * The records the matrix needs beyond the world: uploaded files (by the admin), feed tokens, check-in secrets, an
 * import job of the specialist, notices, a failed outbox row, addenda, the org bodies for an idempotent PUT, and the
 * files of the fixture materials. Returns the extra ids and the per-request factory of fresh records.
 */
export async function buildExtras(t: TestApp, w: AuthzWorld, c: Record<string, TestClient>) {
  const db = t.db;
  const both = async (f: (scope: Scope) => Promise<string> | string) => ({ own: await f('own'), other: await f('other') });
  const attachment = (scope: Scope, meeting = w[scope].meeting) => upload(c.admin, `/api/meetings/${meeting}/attachments`);
  const document = (scope: Scope) => upload(c.admin, `/api/inspections/${w[scope].inspection}/documents?documentKind=summary`);
  const feed = async (who: TestClient, body: unknown) => {
    const res = await who.post('/api/calendar/tokens', body);
    if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
    return String(res.json().url).split('/').pop() as string;
  };
  const [spec] = await queryRows<{ id: string }>(db, sql`select id from accounts where email = 'chuyenvien.so@lientruong.vn'`);
  const [job] = await queryRows<{ id: string }>(
    db,
    sql`insert into import_jobs (kind, file_name, status, account_id) values ('staff', 'giao-vien.xlsx', 'done', ${spec.id}) returning id`,
  );
  const notice = async (scope: Scope) => {
    const personId = scope === 'own' ? w.persons.teacher : w.other.person;
    const [row] = await db.insert(notifications).values({ personId, kind: 'meeting', title: 'Thông báo thử' }).returning();
    return row.id;
  };
  const [outbox] = await db
    .insert(mailOutbox)
    .values({ dedupeKey: 'authz:outbox', toAddress: 'gv@lientruong.vn', subject: 'Thử', text: 'Thử', status: 'failed', attempts: 5 })
    .returning();
  const addendum = async (scope: Scope) => {
    const [m] = await queryRows<{ id: string }>(db, sql`select id from minutes where meeting_id = ${w[scope].meeting}`);
    const [row] = await db
      .insert(minutesAddenda)
      .values({ minutesId: m.id, content: 'Đính chính', textHash: 'x'.repeat(64) })
      .returning();
    return row.id;
  };
  const orgBody = async (scope: Scope) => {
    const o = (await c.admin.get(`/api/orgs/${w[scope].school}`)).json();
    return JSON.stringify({ code: o.code, name: o.name, shortName: o.shortName ?? null, type: o.type, levels: o.levels });
  };
  for (const scope of ['own', 'other'] as const) {
    const file = path.join(t.config.dataDir, 'library', 'files', 'authz', scope);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, MATERIAL_BYTES);
  }
  const secrets = await queryRows<{ s: string }>(db, sql`select checkin_secret as s from meetings where id = ${w.own.meeting}`);
  const orgBodies = await both(orgBody);
  const extra: Ctx['extra'] = {
    attachment: await both(attachment),
    document: await both(document),
    personFeed: { own: await feed(c.teacher, { kind: 'person' }), other: 'khong-co-token-nao-ca.ics' },
    networkFeed: { own: await feed(c.specialist, { kind: 'network', networkId: w.own.network }), other: 'khong-co-token-nao-ca.ics' },
    checkinSecret: { own: secrets[0].s, other: 'khong-dung' },
    importJob: { own: job.id, other: NOBODY },
    notice: await both(notice),
    outbox: { own: outbox.id, other: NOBODY },
    addendum: await both(addendum),
    orgBody: orgBodies,
    previousYear: await both(
      async () => (await queryRows<{ id: string }>(db, sql`select id from school_years where code = '2025-2026'`))[0].id,
    ),
  };
  // The main meetings' minutes go out for signing now that their files are attached: from here on their parts refuse
  // changes (decision 0024), so fresh attachments to delete are added to the spare meetings.
  await db.execute(
    sql`update minutes set status = 'signing', text_hash = ${'a'.repeat(64)} where meeting_id in (${w.own.meeting}, ${w.other.meeting})`,
  );
  const fresh = async (kind: FreshKind, scope: Scope): Promise<string> => {
    if (kind === 'attachment') return attachment(scope, w[scope].spareMeeting);
    if (kind === 'document') return document(scope);
    return makeFresh(db, w, kind, scope);
  };
  return { extra, fresh };
}
