import type { FastifyReply } from 'fastify';
import type { ByteRange, FileStore } from './store';
import { missingFile } from './store';

/** Content-Disposition with the original (Vietnamese) file name and an ASCII fallback. */
export function contentDisposition(name: string, how: 'inline' | 'attachment' = 'attachment', fallback = 'tep'): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || fallback;
  return `${how}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The range asked for by one "bytes=a-b" / "bytes=a-" / "bytes=-n" header within a file of `size` bytes: null for
 * no (or an unreadable) header, which sends the whole file; 'unsatisfiable' when it starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/**
 * Sends a stored file from any store, honouring one HTTP Range so videos can seek: 206 with Content-Range, 416 when
 * the range is outside the file, 200 with the whole file otherwise; Accept-Ranges always. Headers given are set first.
 */
export async function sendStored(
  reply: FastifyReply,
  store: FileStore,
  key: string,
  range: string | undefined,
  headers: Record<string, string>,
): Promise<FastifyReply> {
  const found = await store.stat(key);
  if (!found) throw missingFile(key);
  const { size } = found;
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  reply.header('accept-ranges', 'bytes').header('x-content-type-options', 'nosniff');
  const wanted = parseRange(range, size);
  if (wanted === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${size}`).send();
  if (!wanted) return reply.header('content-length', size).send(await store.get(key));
  return reply
    .status(206)
    .header('content-range', `bytes ${wanted.start}-${wanted.end}/${size}`)
    .header('content-length', wanted.end - wanted.start + 1)
    .send(await store.get(key, wanted));
}
