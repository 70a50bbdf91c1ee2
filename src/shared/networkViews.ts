import { z } from 'zod';
import { LEADERSHIP_MODES, NETWORK_KINDS, NETWORK_ROLES, POSITIONS } from './enums';
import { networkRef, orgSummary } from './views';

/** Response schemas of networks (cụm trường, nhóm trường, …): lists and network pages. */

/** One network in a list. */
export const networkSummary = z.object({
  id: z.string(),
  kind: z.enum(NETWORK_KINDS),
  name: z.string(),
  schoolYearId: z.string(),
  schoolYearCode: z.string(),
  supervisingOrg: orgSummary,
  leadOrg: orgSummary.nullable(),
  memberCount: z.number(),
  parentNetworkId: z.string().nullable(),
});

/** A network's page: decision, members, leaders, parent and child networks, what the actor may do. */
export const networkDetail = networkSummary.extend({
  leadershipMode: z.enum(LEADERSHIP_MODES),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  description: z.string().nullable(),
  parentNetwork: z.object({ id: z.string(), name: z.string() }).nullable(),
  childNetworks: z.array(networkRef),
  members: z.array(orgSummary),
  leaders: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      role: z.enum(NETWORK_ROLES),
      orgName: z.string().nullable(),
      position: z.enum(POSITIONS).nullable(),
    }),
  ),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
