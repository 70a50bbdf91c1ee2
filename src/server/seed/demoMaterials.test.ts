import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp';
import type { MaterialView } from '../../shared/materials';
import { createFileStore } from '../lib/files/create';
import { storeMaterialFile } from '../modules/materials/files';
import { demoLogins } from './demo';
import { seedDemoMaterials } from './demo/materials';

/**
 * Issue 15, the demo world: the materials library has a few real-looking items. They are stored as files and recorded
 * through the materials service with their authors' rights, so each reader sees those their reach allows and the file
 * downloads as a Word document.
 */
let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'lt-demo-materials-'));
beforeAll(async () => {
  t = await createTestApp({ dataDir }, { demo: true });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo library', () => {
  it('holds lesson plans and an outline that the demo teacher finds by subject and grade, and downloads', async () => {
    const files = createFileStore(t.config);
    expect(await seedDemoMaterials(t.db, (data) => storeMaterialFile(files, data))).toBe(3);
    const { password } = demoLogins();
    const teacher = await t.client().login('giaovien@lientruong.vn', password);
    const all = (await teacher.get('/api/materials')).json() as MaterialView[];
    expect(all.map((m) => m.materialKind).sort()).toEqual(['lesson_plan', 'lesson_plan', 'outline']);
    const grade8 = (await teacher.get('/api/materials?grade=8')).json() as MaterialView[];
    expect(grade8.map((m) => m.title)).toEqual(['Kế hoạch bài dạy: Định lí Pythagore']);
    expect(grade8[0]).toMatchObject({ subject: { name: 'Toán' }, textbookSeries: 'ket_noi', visibility: 'network' });
    const file = await teacher.get(`/api/materials/${grade8[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(Number(file.headers['content-length'] ?? file.rawPayload.length)).toBe(grade8[0].size);
    // Another province's Sở specialist sees none of Củ Chi's network- and province-wide items.
    const bacGiang = await t.client().login('chuyenvien.bacgiang@lientruong.vn', password);
    expect((await bacGiang.get('/api/materials')).json()).toEqual([]);
  });
});
