import { afterAll, describe, expect, it } from 'vitest';
import { csvOf, STAFF_HEADER } from '../../../../tests/fixtures/imports/files';
import { loadConfig } from '../../config';
import { closeParsers, parseFile, parseQueue } from './parsePool';

const config = loadConfig({ importParseConcurrency: 1, importMaxRows: 5 });
const rows = (n: number) => Array.from({ length: n }, (_, i) => ['', `Người ${i}`, `n${i}@x.vn`, '', '', 'TTD', 'Giáo viên', '']);

afterAll(() => closeParsers());

describe('parse queue', () => {
  it('runs at most IMPORT_PARSE_CONCURRENCY parses at once; the others wait their turn', async () => {
    const file = csvOf(STAFF_HEADER, rows(3));
    const all = [parseFile(config, 'a.csv', file), parseFile(config, 'b.csv', file), parseFile(config, 'c.csv', file)];
    expect(parseQueue()).toMatchObject({ active: 1, waiting: 2 });
    const done = await Promise.all(all);
    expect(done.map((r) => r.length)).toEqual([4, 4, 4]);
    expect(parseQueue()).toMatchObject({ active: 0, waiting: 0, idleWorkers: 1 });
  });

  it('ends the worker that refused a file, so its memory goes back, and frees the slot', async () => {
    await expect(parseFile(config, 'lon.csv', csvOf(STAFF_HEADER, rows(6)))).rejects.toMatchObject({ code: 'IMPORT_LIMIT', status: 413 });
    expect(parseQueue()).toEqual({ active: 0, waiting: 0, idleWorkers: 0 });
    expect(await parseFile(config, 'nho.csv', csvOf(STAFF_HEADER, rows(1)))).toHaveLength(2);
  });
});
