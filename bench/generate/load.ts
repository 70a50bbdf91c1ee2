import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../src/server/db/client';
import type { GenContext, TableSpec } from './tables';

/**
 * Bulk loading: COPY FROM STDIN streamed from the row generators on PostgreSQL; COPY FROM '/dev/blob' in chunks
 * on PGlite. Secondary indexes of the loaded tables can be dropped first and rebuilt after (one sort per index is
 * much cheaper than 50 M random inserts); the rebuilt definitions are read from the catalogue, so the final schema
 * is exactly the migrations' one.
 */

/** Joins lines into ~256 KB chunks: one stream write per chunk instead of one per row. */
function* chunks(lines: Iterable<string>, count: { rows: number }, maxBytes = 256 * 1024): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const l of lines) {
    buf.push(l);
    size += l.length;
    count.rows++;
    if (size >= maxBytes) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield buf.join('');
}

const copySql = (t: TableSpec, source: string) => `copy ${t.table} (${t.columns.join(', ')}) from ${source}`;

/** Streams one table into PostgreSQL; returns the number of rows. */
export async function copyPostgres(client: pg.Client, t: TableSpec, ctx: GenContext): Promise<number> {
  const count = { rows: 0 };
  await pipeline(Readable.from(chunks(t.rows(ctx), count)), client.query(copyFrom(copySql(t, 'stdin'))));
  return count.rows;
}

/** Loads one table into PGlite in chunks through its /dev/blob device; returns the number of rows. */
export async function copyPglite(database: Database, t: TableSpec, ctx: GenContext): Promise<number> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const count = { rows: 0 };
  for (const chunk of chunks(t.rows(ctx), count, 4 * 1024 * 1024)) {
    await client.query(copySql(t, `'/dev/blob'`), [], { blob: new Blob([chunk]) });
  }
  return count.rows;
}

/** A secondary index that can be rebuilt from its definition. */
export interface IndexDef {
  name: string;
  def: string;
}

/** Drops the plain (not primary-key, not constraint-backed) indexes of the tables; returns them for rebuildIndexes. */
export async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<IndexDef[]> {
  const { rows } = await client.query<IndexDef>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class c on c.oid = i.indrelid
      where c.relname = any($1) and c.relnamespace = 'public'::regnamespace and not i.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      order by 1`,
    [tables],
  );
  for (const r of rows) await client.query(`drop index ${r.name}`);
  return rows;
}

/** Rebuilds dropped indexes (with a generous sort memory); returns seconds per index. */
export async function rebuildIndexes(client: pg.Client, defs: IndexDef[], log: (msg: string) => void): Promise<Record<string, number>> {
  await client.query(`set maintenance_work_mem = '1GB'`);
  const took: Record<string, number> = {};
  for (const d of defs) {
    const t0 = performance.now();
    await client.query(d.def);
    took[d.name] = Math.round(performance.now() - t0) / 1000;
    log(`  index ${d.name}: ${took[d.name]} s`);
  }
  return took;
}
