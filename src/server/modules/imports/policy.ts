import type { OrgType } from '../../../shared/enums';
import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';
import { topLevelCan } from '../auth/policy';
import { canCreateRoot, orgCan } from '../orgs/policy';
import { canWritePerson } from '../people/policy';
import type { ImportKind } from './columns';

/**
 * Import policy. Orgs are imported by admins and office staff, staff by admins, office staff and school managers
 * (the same rules as `Me.can`). Each row is then checked against the org and people policies: an office officer
 * writes only inside their subtree, a principal only the staff of their own school. A job is read by its creator
 * and by admins.
 */
export function canImport(actor: Actor, kind: ImportKind): boolean {
  const can = topLevelCan(actor);
  return kind === 'orgs' ? can.importOrgs : can.importStaff;
}

/** Whether the actor may read an import job. */
export function canReadJob(actor: Actor, job: { accountId: string | null }): boolean {
  return actor.isAdmin || (job.accountId !== null && job.accountId === actor.accountId);
}

/** Whether the actor may create an org under a parent (chain = parent, then its ancestors); null parent = a root. */
export function canCreateOrgUnder(actor: Actor, parent: { chain: readonly string[]; type: OrgType } | null): boolean {
  return parent ? orgCan(actor, parent.chain, parent.type).createChild : canCreateRoot(actor);
}

/** Whether the actor may change an existing org's own facts. */
export function canUpdateOrg(actor: Actor, chain: readonly string[], type: OrgType): boolean {
  return orgCan(actor, chain, type).update;
}

/** Whether the actor may move an org under a new parent. */
export function canMoveOrg(
  actor: Actor,
  chain: readonly string[],
  type: OrgType,
  parent: { chain: readonly string[]; type: OrgType },
): boolean {
  return orgCan(actor, chain, type).move && (actor.isAdmin || orgCan(actor, parent.chain, parent.type).move);
}

/** Whether the actor may create or change staff holding positions in the orgs of these chains. */
export function canWriteStaff(actor: Actor, chains: ReadonlyArray<readonly string[]>): boolean {
  return canWritePerson(actor, chains);
}

/** The imports module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  import: (actor: Actor, f: { kind: ImportKind }) => canImport(actor, f.kind),
  'job.read': (actor: Actor, job: { accountId: string | null }) => canReadJob(actor, job),
});
