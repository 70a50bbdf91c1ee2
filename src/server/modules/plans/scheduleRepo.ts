import { asc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { networkLeaders, orgs, people, planItems, plans } from '../../db/schema';

/** Reads for "Lên lịch theo kế hoạch" and for plan items following their meetings. */

/** Host orgs with the name and address their central venue carries. */
export async function hostsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: orgs.id, name: orgs.name, type: orgs.type, address: orgs.address }).from(orgs).where(inArray(orgs.id, ids));
}

/** A network's leader and deputies with their names, the leader first. */
export async function networkLeadersOf(db: Executor, networkId: string) {
  return db
    .select({ personId: networkLeaders.personId, role: networkLeaders.role, fullName: people.fullName })
    .from(networkLeaders)
    .innerJoin(people, eq(people.id, networkLeaders.personId))
    .where(eq(networkLeaders.networkId, networkId))
    .orderBy(sql`${networkLeaders.role} = 'deputy'`, asc(people.fullName));
}

/** One person who may chair or keep the minutes at a host: its managers, or the heads of its subject teams. */
export interface HostStaff {
  hostOrgId: string;
  personId: string;
  fullName: string;
  position: string;
  /** Subjects of the team they lead (empty for the host's managers). */
  subjectIds: string[];
}

/**
 * On a day: the principal and vice-principals of each host (a team host: its head and deputy), and the heads and
 * deputies of the subject teams under each host with their teams' subjects. Heads before deputies, then by name.
 */
export async function hostStaff(db: Executor, hostIds: string[], day: string): Promise<HostStaff[]> {
  if (hostIds.length === 0) return [];
  const ids = sql.join(
    hostIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const valid = sql`(m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to >= ${day})`;
  return queryRows<HostStaff>(
    db,
    sql`select h.host as "hostOrgId", m.person_id as "personId", p.full_name as "fullName", m.position::text as position,
          coalesce((select array_agg(os.subject_id::text) from org_subjects os where os.org_id = h.team), '{}') as "subjectIds"
        from (
          select o.id as host, case when o.type = 'team' then o.id end as team from orgs o where o.id in (${ids})
          union all
          select l.parent_id, l.org_id from org_links l join orgs t on t.id = l.org_id and t.type = 'team'
          where l.parent_id in (${ids}) and l.valid_from <= ${day} and (l.valid_to is null or l.valid_to >= ${day})
        ) h
        join memberships m on m.org_id = coalesce(h.team, h.host) and ${valid}
          and m.position in ('principal', 'vice_principal', 'team_head', 'team_deputy')
        join people p on p.id = m.person_id
        order by m.position in ('vice_principal', 'team_deputy'), p.full_name`,
  );
}

/** A plan item (its plan's reviewer org too), locked for the rest of the transaction. */
export async function itemForUpdate(db: Executor, itemId: string) {
  const rows = await db
    .select({ item: planItems, reviewerOrgId: plans.reviewerOrgId })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(eq(planItems.id, itemId))
    .for('update', { of: planItems })
    .limit(1);
  return rows[0];
}
