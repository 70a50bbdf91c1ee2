import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { fieldError } from '../../lib/errors';
import * as peopleRepo from '../people/repo';
import { canNameOrg, namesAnything } from './policy';
import * as repo from './repo';

/** One id field of a request that names orgs or people, with the field's name for the error. */
export interface NamedRef {
  field: string;
  orgIds?: ReadonlyArray<string | null | undefined>;
  personIds?: ReadonlyArray<string | null | undefined>;
}

/**
 * Refuses (400 naming the field) any org or person a request names that the actor may not name (orgs.canNameOrg):
 * a person counts by the orgs they currently work in. `recordOrgIds` are the record's own orgs (its network's
 * members, its host), which may always be named.
 */
export async function requireNameable(db: Executor, actor: Actor, refs: NamedRef[], recordOrgIds: readonly string[] = []) {
  if (namesAnything(actor)) return;
  const today = todayIso();
  for (const ref of refs) {
    const orgIds = [...new Set((ref.orgIds ?? []).filter((id): id is string => Boolean(id)))];
    const chains = await repo.ancestorChains(db, orgIds, today);
    if (orgIds.some((id) => !canNameOrg(actor, chains.get(id) ?? [id], recordOrgIds)))
      throw fieldError(ref.field, 'Có đơn vị nằm ngoài phạm vi bạn được chọn');
    for (const personId of new Set((ref.personIds ?? []).filter((id): id is string => Boolean(id)))) {
      const places = (await peopleRepo.activeMemberships(db, personId, today)).map((m) => m.orgId);
      const placeChains = await repo.ancestorChains(db, places, today);
      if (!places.some((id) => canNameOrg(actor, placeChains.get(id) ?? [id], recordOrgIds)))
        throw fieldError(ref.field, 'Có người nằm ngoài phạm vi bạn được chọn');
    }
  }
}
