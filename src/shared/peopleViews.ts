import { z } from 'zod';
import { POSITIONS, SCHOOL_LEVELS } from './enums';
import { paged, positionView, subjectView } from './views';

/** Response schemas of people (staff lists and person pages). Contacts are nullable: not every reader sees them. */

/** One person in a staff list. */
export const personSummary = z.object({
  id: z.string(),
  code: z.string().nullable(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  positions: z.array(positionView),
  subjects: z.array(subjectView),
});

/** A person's page: memberships over time, whether an account exists, what the actor may do. */
export const personDetail = personSummary.extend({
  gender: z.enum(['male', 'female']).nullable(),
  /** School levels the person teaches, as stated (empty: derived from their school or team when invitations filter). */
  teachingLevels: z.array(z.enum(SCHOOL_LEVELS)),
  memberships: z.array(
    z.object({
      id: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      position: z.enum(POSITIONS),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    }),
  ),
  hasAccount: z.boolean(),
  can: z.object({ update: z.boolean() }),
});

/** A page of people, with the cursor of the next page (null on the last one; decision 0027). */
export const personPage = paged(personSummary).extend({ nextCursor: z.string().nullable() });

/** A page of people as the API answers it. */
export type PersonPage = z.infer<typeof personPage>;
