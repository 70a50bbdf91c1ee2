import { z } from 'zod';
import { NETWORK_KINDS, ORG_TYPES } from './enums';

/**
 * What still points at an org as of the day after it ends (issue 16, point 1): ending an org closes its own parent
 * link, but moves nothing else; this answer says what is left and what to do about it.
 */
export const orgEnding = z.object({
  orgId: z.string(),
  /** The org's last day (validTo). */
  validTo: z.string(),
  /** The first day it no longer exists: what is listed here still points at it then. */
  from: z.string(),
  /** Child orgs whose link to it is still valid on `from`. */
  children: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(ORG_TYPES) })),
  /** Networks of school years not over on `from` that it supervises, leads or belongs to. */
  networks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(NETWORK_KINDS),
      schoolYearCode: z.string(),
      role: z.enum(['supervisor', 'lead', 'member']),
    }),
  ),
  /** People with a position there still valid on `from`. */
  people: z.object({ count: z.number().int(), names: z.array(z.string()) }),
  /** Rule sets it issued for school years not over on `from`. */
  rules: z.array(z.object({ id: z.string(), schoolYearCode: z.string() })),
  /** What to do, one Vietnamese sentence per kind of thing still pointing here (empty when nothing is left). */
  advice: z.array(z.string()),
});
export type OrgEnding = z.infer<typeof orgEnding>;

/** `POST /api/orgs/:id/parent`: end the current parent link on from - 1 and, with a parentId, start one from `from`. */
export const orgParentChange = z.object({ parentId: z.uuid().nullish(), from: z.iso.date() });
export type OrgParentChange = z.infer<typeof orgParentChange>;

/** `GET /api/orgs/:id/ending?validTo=`: what ending the org on that day would leave pointing at it. */
export const orgEndingQuery = z.object({ validTo: z.iso.date() });
