import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';

/** One item of an approved plan that no meeting carries out yet, as Mẫu 1 prints it. */
export interface PlannedRow {
  id: string;
  content: string;
  proposedDate: string;
  proposedTime: string | null;
  place: string | null;
  mode: 'in_person' | 'online' | 'hybrid';
  plannedCount: number | null;
  status: string;
  statusReason: string | null;
  hostName: string | null;
  subjects: string[];
}

/**
 * Items of the approved plans of these networks or orgs for a school year (and term: the plan's term, or for a plan
 * of the whole year the item's date inside the term), with a date, not cancelled, and with no meeting linked: the
 * lines of Mẫu 1 that exist before their meetings do (issue 15, point 7). Host: the item's, else the plan's org, else
 * the network's lead school; `hostOrgIds` selects items by that host (an org subtree's schedule).
 */
export async function plannedItems(
  db: Executor,
  f: { schoolYearId: string; term?: { number: number; startDate: string; endDate: string }; networkIds?: string[]; hostOrgIds?: string[] },
): Promise<PlannedRow[]> {
  const ids = (list: string[] | undefined) =>
    list?.length
      ? sql.join(
          list.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
      : null;
  const nets = ids(f.networkIds);
  const hosts = ids(f.hostOrgIds);
  if (!nets && !hosts) return [];
  const owner = sql.join(
    [
      nets ? sql`p.network_id in (${nets})` : null,
      hosts ? sql`coalesce(i.host_org_id, p.org_id, n.lead_org_id) in (${hosts})` : null,
    ].filter((x) => x !== null),
    sql` or `,
  );
  const term = f.term
    ? sql`and (p.term_number = ${f.term.number} or (p.term_number is null and i.proposed_date between ${f.term.startDate} and ${f.term.endDate}))`
    : sql``;
  return queryRows<PlannedRow>(
    db,
    sql`select i.id, i.content, i.proposed_date::text as "proposedDate", i.proposed_time::text as "proposedTime", i.place,
          i.mode::text as mode, i.planned_count as "plannedCount", i.status::text as status, i.status_reason as "statusReason",
          h.name as "hostName",
          coalesce((select array_agg(s.name order by s.sort_order, s.name) from subjects s where s.id = any(i.subject_ids)), '{}') as subjects
        from plan_items i
        join plans p on p.id = i.plan_id
        left join networks n on n.id = p.network_id
        left join orgs h on h.id = coalesce(i.host_org_id, p.org_id, n.lead_org_id)
        where p.status = 'approved' and p.school_year_id = ${f.schoolYearId} and (${owner}) ${term}
          and i.proposed_date is not null and i.status <> 'cancelled'
          and not exists (select 1 from meetings m where m.plan_item_id = i.id)
        order by i.proposed_date, i.proposed_time nulls first, i.sort_order`,
  );
}
