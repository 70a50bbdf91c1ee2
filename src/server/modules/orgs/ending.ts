import { sql } from 'drizzle-orm';
import { networkKindLabels } from '../../../shared/labels';
import type { OrgEnding } from '../../../shared/orgEnding';
import { type Executor, queryRows } from '../../db/client';
import { viDate } from '../../lib/format';

/** The day after an ISO date. */
export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** How many names an answer lists before "…". */
const SHOWN = 5;

const listed = (names: string[]) => (names.length > SHOWN ? `${names.slice(0, SHOWN).join(', ')}, …` : names.join(', '));

type Child = OrgEnding['children'][number];
type Net = OrgEnding['networks'][number];

async function childrenLeft(db: Executor, orgId: string, from: string) {
  return queryRows<Child>(
    db,
    sql`select o.id, o.name, o.type from org_links l join orgs o on o.id = l.org_id
        where l.parent_id = ${orgId} and (l.valid_to is null or l.valid_to >= ${from})
          and (o.valid_to is null or o.valid_to >= ${from})
        order by o.type, o.name`,
  );
}

async function networksLeft(db: Executor, orgId: string, from: string) {
  return queryRows<Net>(
    db,
    sql`select n.id, n.name, n.kind, y.code as "schoolYearCode",
          case when n.supervising_org_id = ${orgId} then 'supervisor' when n.lead_org_id = ${orgId} then 'lead' else 'member' end as role
        from networks n join school_years y on y.id = n.school_year_id
        where y.end_date >= ${from} and (n.supervising_org_id = ${orgId} or n.lead_org_id = ${orgId}
          or exists (select 1 from network_members m where m.network_id = n.id and m.org_id = ${orgId}))
        order by y.start_date, n.name`,
  );
}

async function peopleLeft(db: Executor, orgId: string, from: string) {
  return queryRows<{ name: string }>(
    db,
    sql`select distinct p.full_name as name from memberships m join people p on p.id = m.person_id
        where m.org_id = ${orgId} and (m.valid_to is null or m.valid_to >= ${from}) order by 1`,
  );
}

async function rulesLeft(db: Executor, orgId: string, from: string) {
  return queryRows<{ id: string; schoolYearCode: string }>(
    db,
    sql`select r.id, y.code as "schoolYearCode" from rule_sets r join school_years y on y.id = r.school_year_id
        where r.org_id = ${orgId} and y.end_date >= ${from} order by y.start_date`,
  );
}

/** What to do about each kind of thing left, in Vietnamese. */
function adviceOf(e: Omit<OrgEnding, 'advice'>): string[] {
  const from = viDate(e.from);
  const out: string[] = [];
  if (e.children.length > 0)
    out.push(
      `${e.children.length} đơn vị còn trực thuộc (${listed(e.children.map((c) => c.name))}): chuyển từng đơn vị sang đơn vị cấp trên mới từ ngày ${from} (ví dụ chuyển trường về UBND xã, phường mới) bằng chức năng «Chuyển đơn vị», hoặc kết thúc đơn vị đó.`,
    );
  const supervised = e.networks.filter((n) => n.role !== 'member');
  if (supervised.length > 0)
    out.push(
      `${supervised.length} mạng lưới do đơn vị phụ trách hoặc chủ trì (${listed(supervised.map((n) => `${n.name}, ${n.schoolYearCode}`))}): giao cho đơn vị mới hoặc kết thúc ${networkKindLabels[supervised[0].kind].toLowerCase()} đó.`,
    );
  const member = e.networks.filter((n) => n.role === 'member');
  if (member.length > 0)
    out.push(
      `Đơn vị còn là thành viên của ${member.length} mạng lưới (${listed(member.map((n) => n.name))}): bỏ đơn vị khỏi danh sách thành viên.`,
    );
  if (e.people.count > 0)
    out.push(
      `${e.people.count} cán bộ còn giữ chức vụ tại đơn vị sau ngày ${viDate(e.validTo)} (${listed(e.people.names)}${e.people.count > e.people.names.length ? ', …' : ''}): kết thúc chức vụ hoặc chuyển công tác sang đơn vị mới.`,
    );
  if (e.rules.length > 0)
    out.push(
      `Quy định sinh hoạt chuyên môn của đơn vị cho năm học ${e.rules.map((r) => r.schoolYearCode).join(', ')}: đơn vị cấp trên mới ban hành quy định thay thế.`,
    );
  return out;
}

/** What still points at an org on the day after `validTo` (children, networks, people, rules), with advice. */
export async function stillPointing(db: Executor, orgId: string, validTo: string): Promise<OrgEnding> {
  const from = dayAfter(validTo);
  const [children, networks, people, rules] = await Promise.all([
    childrenLeft(db, orgId, from),
    networksLeft(db, orgId, from),
    peopleLeft(db, orgId, from),
    rulesLeft(db, orgId, from),
  ]);
  const names = people.slice(0, SHOWN).map((p) => p.name);
  const base = { orgId, validTo, from, children, networks, people: { count: people.length, names }, rules };
  return { ...base, advice: adviceOf(base) };
}
