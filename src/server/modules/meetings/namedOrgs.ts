import type { MeetingUpdate } from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { requireNameable } from '../orgs/naming';
import * as repo from './repo';

/**
 * Presenting teams and the orgs of bridge points must be orgs the actor may name (orgs.canNameOrg): in the actor's
 * reach, or the meeting's host and its network's member schools. Another province's school is refused (400 naming
 * the field).
 */
export async function requireNameableOrgs(db: Executor, actor: Actor, input: MeetingUpdate): Promise<void> {
  const recordOrgIds = [input.hostOrgId, ...(await repo.networkMemberIds(db, input.networkId ?? null))];
  await requireNameable(
    db,
    actor,
    [
      ...input.presenters.map((p, i) => ({ field: `presenters.${i}.orgId`, orgIds: [p.orgId] })),
      ...input.venues.map((v, i) => ({ field: `venues.${i}.orgId`, orgIds: [v.orgId] })),
    ],
    recordOrgIds,
  );
}
