import type { z } from 'zod';
import { fieldError } from './errors';

/**
 * Keyset paging cursors: the sort key of a page's last row, sent back by the client to get the rows after it. Opaque
 * to the client (base64url of a JSON array), checked against the list's own key shape when read back.
 */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Reads a cursor back into its key; a cursor that is not one of ours is a 400 naming the `cursor` field. */
export function decodeCursor<T extends z.ZodType>(raw: string | undefined, shape: T): z.infer<T> | undefined {
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw fieldError('cursor', 'Con trỏ trang không hợp lệ');
  }
  const key = shape.safeParse(parsed);
  if (!key.success) throw fieldError('cursor', 'Con trỏ trang không hợp lệ');
  return key.data;
}

/** The `Link` header of the next page: the request's own URL with the next cursor set (RFC 8288, rel="next"). */
export function nextLink(requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl, 'http://localhost');
  url.searchParams.set('cursor', cursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
