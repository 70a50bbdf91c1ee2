import { z } from 'zod';
import { ORG_TYPES, POSITIONS } from './enums';

/** Response schemas of log-in, "who am I" and account administration. No password hash or session token is in any. */

/** The logged-in person, their positions and what they may do at the top level. */
export const meView = z.object({
  accountId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  locale: z.enum(['vi', 'en']),
  csrfToken: z.string(),
  positions: z.array(z.object({ orgId: z.string(), orgName: z.string(), orgType: z.enum(ORG_TYPES), position: z.enum(POSITIONS) })),
  can: z.object({
    manageAccounts: z.boolean(),
    manageSchoolYears: z.boolean(),
    readAudit: z.boolean(),
    importOrgs: z.boolean(),
    importStaff: z.boolean(),
    createNetwork: z.boolean(),
  }),
});

/** One account in the administrators' list. */
export const accountRow = z.object({
  id: z.string(),
  personId: z.string(),
  fullName: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  disabledAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
