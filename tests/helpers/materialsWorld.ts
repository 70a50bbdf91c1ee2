import { eq } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import { subjects } from '../../src/server/db/schema';
import { buildPlanWorld } from './planWorld';
import type { TestClient } from './testApp';

/** The plan world (network 1 = schools 1 and 1b; its leader teaches at 1b) plus the subject ids of Toán and Ngữ văn. */
export async function buildMaterialsWorld(db: Executor) {
  const w = await buildPlanWorld(db);
  const [toan] = await db.select().from(subjects).where(eq(subjects.code, 'toan'));
  const [van] = await db.select().from(subjects).where(eq(subjects.code, 'ngu-van'));
  return { ...w, subjects: { toan, van } };
}
export type MaterialsWorld = Awaited<ReturnType<typeof buildMaterialsWorld>>;

/** A multipart body: text fields first, then the file (the order the library's upload expects). */
export function multipartWithFields(fields: Record<string, string | number>, fileName: string, content: Buffer) {
  const boundary = `----lt${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([...parts, head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a material; returns the raw response. */
export function uploadMaterial(c: TestClient, fields: Record<string, string | number>, fileName: string, content: Buffer) {
  const { body, headers } = multipartWithFields(fields, fileName, content);
  return c.request('POST', '/api/materials', body, headers);
}

/** A small valid DOCX-looking file (ZIP header and a word/ entry name). */
export const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('....word/document.xml....'), Buffer.alloc(200, 7)]);
/** A small valid MP4-looking file (ftyp box) of 4000 bytes. */
export const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(3988, 1)]);
