import { z } from 'zod';
import { NETWORK_KINDS, ORG_TYPES, POSITIONS, SCHOOL_LEVELS } from './enums';

/**
 * Response building blocks shared by several features. Every route declares its reply with zod (Fastify serialises
 * through the schema), so a key that is not declared here or in a feature's views never leaves the server.
 */

/** A record named in a reply: its id and name. */
export const named = z.object({ id: z.string(), name: z.string() });

/** A subject (môn học). */
export const subjectView = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** An org in lists and references. */
export const orgSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(ORG_TYPES),
  levels: z.array(z.enum(SCHOOL_LEVELS)),
});

/** The org tree on a date, flat: each org with its parent on that date (null at a top org). */
export const orgTree = z.object({ date: z.string(), nodes: z.array(orgSummary.extend({ parentId: z.string().nullable() })) });

/** A network named in a reply, with its kind. */
export const networkRef = z.object({ id: z.string(), name: z.string(), kind: z.enum(NETWORK_KINDS) });

/** A position held in an org, as listed beside a person. */
export const positionView = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** The school of a team (null for a position held in a school or an office), so a label reads "Tổ Toán, Trường …". */
  schoolName: z.string().nullable(),
  position: z.enum(POSITIONS),
});

/** A page of a list: the items, the total count, the page number and size. */
export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** The reply of a route that answers 204 with no body. */
export const noContent = z.undefined().describe('Không có nội dung');

/**
 * A file or a text document sent as it is (DOCX, XLSX, HTML, iCal): a stream, a buffer or a string with its own
 * content type, which Fastify sends without the JSON serialiser. Declared so the OpenAPI page shows a binary body.
 */
export function fileBody(description: string) {
  return z.unknown().meta({ type: 'string', format: 'binary', description });
}
