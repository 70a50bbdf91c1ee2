import type { Me } from '../../../shared/types';
import { type Actor, isOfficeRole, managedRoots } from '../../lib/actor';
import { canManageAccounts } from '../accounts/policy';
import { canReadAudit } from '../audit/policy';
import { canManageSchoolYears } from '../schoolYears/policy';

/**
 * What the current user is allowed to do at the top level (the menu's `can` flags): accounts and school years are
 * admins' work, the audit log is read by admins and office leaders, orgs are imported and networks formed by admins
 * and office staff, staff imported by admins, office staff and school managers.
 */
export function topLevelCan(actor: Actor): Me['can'] {
  const office = actor.roles.some(isOfficeRole);
  return {
    manageAccounts: canManageAccounts(actor),
    manageSchoolYears: canManageSchoolYears(actor),
    readAudit: canReadAudit(actor),
    importOrgs: actor.isAdmin || office,
    importStaff: actor.isAdmin || managedRoots(actor).length > 0,
    createNetwork: actor.isAdmin || office,
  };
}
