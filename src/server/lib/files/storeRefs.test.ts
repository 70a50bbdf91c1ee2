import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { OTHER_FILE_COLUMNS, SHARED_STORE_REFERENCES } from './repo';

/** Column names that name a stored file or its content hash. */
const FILE_COLUMN = /sha256|storage_key|file_key|photo_key|object_key|blob_key/;

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));

describe('references to stored files', () => {
  it('every file-key column of the schema is counted by sharedFileReferences or declared as another store', () => {
    const counted = new Set(SHARED_STORE_REFERENCES.map((c) => `${getTableConfig(c.table as PgTable).name}.${c.name}`));
    const fileColumns = tables.flatMap((t) => {
      const { name, columns } = getTableConfig(t);
      return columns.filter((c) => FILE_COLUMN.test(c.name)).map((c) => `${name}.${c.name}`);
    });
    expect(fileColumns.length).toBeGreaterThanOrEqual(counted.size);
    const unaccounted = fileColumns.filter((c) => !counted.has(c) && !(c in OTHER_FILE_COLUMNS));
    expect(unaccounted).toEqual([]);
    // And nothing listed that the schema no longer has.
    expect([...counted, ...Object.keys(OTHER_FILE_COLUMNS)].filter((c) => !fileColumns.includes(c))).toEqual([]);
  });
});
