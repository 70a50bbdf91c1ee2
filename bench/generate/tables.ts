import { vietnameseName } from '../../src/server/seed/demo/names';
import { asciiSlug } from '../../src/server/seed/demo/random';
import {
  ABSENT_REASONS,
  EXCUSED_REASONS,
  LEVEL_CODE,
  LEVEL_LABEL,
  NAMESAKES,
  PROVINCES,
  placeName,
  SUBJECT_NAME,
  TEAMS,
} from './catalogue';
import { type GenMeeting, meetingsOf, networkId, planId } from './meetings';
import { hash2, rand, rngFor, TAG, uid, type World } from './world';

/**
 * Every generated table as a COPY text stream: a name, its columns and a generator of lines. Lines are produced one
 * at a time from the index arithmetic of World, so even L (50 M attendance rows) never sits in memory.
 */

/** What the rows refer to that the database decides: subject ids, the school year, the shared password hash. */
export interface GenContext {
  world: World;
  subjectIds: Map<string, string>;
  schoolYearId: string;
  passwordHash: string;
}

export interface TableSpec {
  table: string;
  columns: string[];
  rows: (ctx: GenContext) => Iterable<string>;
}

const N = '\\N';
/** One COPY text line; values never hold tabs, newlines or backslashes (all come from the catalogue). */
const line = (...v: Array<string | number | boolean | null>) => `${v.map((x) => (x === null ? N : String(x))).join('\t')}\n`;

const ORG_SINCE = '2025-07-01';
const MAIL = 'bench.lientruong.vn';

export const provinceId = (p: number) => uid(TAG.province, p);
export const communeId = (c: number) => uid(TAG.commune, c);
export const schoolId = (s: number) => uid(TAG.school, s);
export const teamId = (w: World, s: number, k: number) => uid(TAG.team, w.team(s, k));
export const personId = (idx: number) => uid(TAG.person, idx);
export const officeId = (idx: number) => uid(TAG.office, idx);
export const meetingId = (m: number) => uid(TAG.meeting, m);

/** Office staff: per province an office leader and three specialists, one specialist per commune, and the admin. */
export function officeIndex(w: World, what: { province: number; q: number } | { commune: number } | 'admin'): number {
  if (what === 'admin') return w.spec.provinces * 4 + w.communes;
  if ('province' in what) return what.province * 4 + what.q;
  return w.spec.provinces * 4 + what.commune;
}

/** A person's name and e-mail, drawn from the demo's Vietnamese name lists with a per-person seed. */
export function nameOf(kind: 'staff' | 'office', idx: number) {
  const n = vietnameseName(rngFor(kind === 'staff' ? 1 : 2, idx));
  const words = n.fullName.split(' ');
  const mail = `${asciiSlug(words.at(-1) ?? '')}${words
    .slice(0, -1)
    .map((x) => asciiSlug(x).charAt(0))
    .join('')}.${kind === 'staff' ? 'gv' : 'cb'}${idx}@${MAIL}`;
  return { ...n, email: mail };
}

export function schoolName(w: World, s: number): string {
  const info = w.school(s);
  const label = LEVEL_LABEL[info.level];
  return info.local % 3 === 0
    ? `Trường ${label} ${NAMESAKES[(info.local / 3) % NAMESAKES.length]}`
    : `Trường ${label} ${placeName(info.commune)} ${info.ordInCommune + 1}`;
}

export function networkName(w: World, kind: 'group' | 'cluster', first: number): string {
  const info = w.school(first);
  const size = kind === 'group' ? w.spec.groupSize : w.spec.clusterSize;
  const no = Math.floor((first - info.bandStart) / size) + 1;
  return `${kind === 'group' ? 'Nhóm trường' : 'Cụm chuyên môn'} ${LEVEL_LABEL[info.level]} số ${no}`;
}

function* schoolsWhere(w: World, pick: (s: number) => boolean): Generator<number> {
  for (let s = 0; s < w.spec.schools; s++) if (pick(s)) yield s;
}

const orgsTable: TableSpec = {
  table: 'orgs',
  columns: ['id', 'code', 'name', 'short_name', 'type', 'levels', 'valid_from'],
  *rows({ world: w }) {
    for (let p = 0; p < w.spec.provinces; p++)
      yield line(
        provinceId(p),
        `SGD-${p + 1}`,
        `Sở Giáo dục và Đào tạo ${PROVINCES[p % PROVINCES.length]}`,
        'Sở GD&ĐT',
        'province_department',
        '{}',
        null,
      );
    for (let c = 0; c < w.communes; c++)
      yield line(communeId(c), `XA-${c + 1}`, `${c % 4 === 3 ? 'Phường' : 'Xã'} ${placeName(c)}`, null, 'commune', '{}', ORG_SINCE);
    for (let s = 0; s < w.spec.schools; s++) {
      const level = w.school(s).level;
      yield line(schoolId(s), `TR-${s + 1}`, schoolName(w, s), `${LEVEL_CODE[level]} ${s + 1}`, 'school', `{${level}}`, null);
    }
    for (let s = 0; s < w.spec.schools; s++) {
      const level = w.school(s).level;
      for (let k = 0; k < 4; k++) yield line(teamId(w, s, k), `TR-${s + 1}-T${k + 1}`, TEAMS[level][k].name, null, 'team', '{}', null);
    }
  },
};

const orgLinksTable: TableSpec = {
  table: 'org_links',
  columns: ['id', 'org_id', 'parent_id', 'valid_from'],
  *rows({ world: w }) {
    let i = 0;
    for (let p = 0; p < w.spec.provinces; p++)
      for (let c = w.communeStart[p]; c < w.communeStart[p] + w.communeCount[p]; c++)
        yield line(uid(TAG.link, i++), communeId(c), provinceId(p), ORG_SINCE);
    for (let s = 0; s < w.spec.schools; s++) yield line(uid(TAG.link, i++), schoolId(s), communeId(w.school(s).commune), ORG_SINCE);
    for (let s = 0; s < w.spec.schools; s++)
      for (let k = 0; k < 4; k++) yield line(uid(TAG.link, i++), teamId(w, s, k), schoolId(s), '2018-08-15');
  },
};

const orgSubjectsTable: TableSpec = {
  table: 'org_subjects',
  columns: ['org_id', 'subject_id'],
  *rows({ world: w, subjectIds }) {
    for (let s = 0; s < w.spec.schools; s++) {
      const level = w.school(s).level;
      for (let k = 0; k < 4; k++)
        for (const code of new Set(TEAMS[level][k].subjects)) yield line(teamId(w, s, k), subjectIds.get(code) as string);
    }
  },
};

const peopleTable: TableSpec = {
  table: 'people',
  columns: ['id', 'code', 'full_name', 'email', 'gender'],
  *rows({ world: w }) {
    for (let i = 0; i < w.staff; i++) {
      const n = nameOf('staff', i);
      yield line(personId(i), `GV${String(i + 1).padStart(7, '0')}`, n.fullName, n.email, n.gender);
    }
    for (let i = 0; i <= officeIndex(w, 'admin'); i++) {
      const n = nameOf('office', i);
      yield line(officeId(i), `CB${String(i + 1).padStart(6, '0')}`, n.fullName, n.email, n.gender);
    }
  },
};

/** Staff member j of school s: their org, position and the subject they teach (teachers only). */
export function roleOf(w: World, s: number, j: number): { orgId: string; position: string; subject: string | null } {
  if (j === 0) return { orgId: schoolId(s), position: 'principal', subject: null };
  if (j === 1) return { orgId: schoolId(s), position: 'vice_principal', subject: null };
  const k = (j - 2) % 4;
  const r = Math.floor((j - 2) / 4);
  const team = TEAMS[w.school(s).level][k];
  return {
    orgId: teamId(w, s, k),
    position: r === 0 ? 'team_head' : r === 1 ? 'team_deputy' : 'teacher',
    subject: team.subjects[r % team.subjects.length],
  };
}

const membershipsTable: TableSpec = {
  table: 'memberships',
  columns: ['id', 'person_id', 'org_id', 'position', 'valid_from'],
  *rows({ world: w }) {
    const T = w.spec.staffPerSchool;
    for (let s = 0; s < w.spec.schools; s++)
      for (let j = 0; j < T; j++) {
        const idx = w.person(s, j);
        const r = roleOf(w, s, j);
        yield line(uid(TAG.membership, idx), personId(idx), r.orgId, r.position, `${2005 + (hash2(idx, 5) % 20)}-08-15`);
      }
    const base = w.staff;
    for (let p = 0; p < w.spec.provinces; p++)
      for (let q = 0; q < 4; q++) {
        const o = officeIndex(w, { province: p, q });
        yield line(uid(TAG.membership, base + o), officeId(o), provinceId(p), q === 0 ? 'office_leader' : 'specialist', '2020-08-01');
      }
    for (let c = 0; c < w.communes; c++) {
      const o = officeIndex(w, { commune: c });
      yield line(uid(TAG.membership, base + o), officeId(o), communeId(c), 'specialist', ORG_SINCE);
    }
  },
};

const personSubjectsTable: TableSpec = {
  table: 'person_subjects',
  columns: ['person_id', 'subject_id'],
  *rows({ world: w, subjectIds }) {
    for (let s = 0; s < w.spec.schools; s++)
      for (let j = 2; j < w.spec.staffPerSchool; j++) {
        const subject = roleOf(w, s, j).subject;
        if (subject) yield line(personId(w.person(s, j)), subjectIds.get(subject) as string);
      }
  },
};

/** The people with an account: office staff of province 0, the admin, and the staff of the first schools. */
export function* accountHolders(w: World): Generator<{ id: string; email: string; isAdmin: boolean }> {
  const office = (o: number, isAdmin = false) => ({ id: officeId(o), email: nameOf('office', o).email, isAdmin });
  yield office(officeIndex(w, 'admin'), true);
  for (let q = 0; q < 4; q++) yield office(officeIndex(w, { province: 0, q }));
  for (let c = 0; c < Math.min(w.communeCount[0], 10); c++) yield office(officeIndex(w, { commune: c }));
  const schools = Math.min(w.spec.accountSchools, w.provinceStart[1]);
  const allStaff = Math.max(1, Math.floor(schools / 5));
  for (let s = 0; s < schools; s++)
    for (let j = 0; j < w.spec.staffPerSchool; j++) {
      if (s >= allStaff && j >= 6) break;
      const idx = w.person(s, j);
      yield { id: personId(idx), email: nameOf('staff', idx).email, isAdmin: false };
    }
}

const accountsTable: TableSpec = {
  table: 'accounts',
  columns: ['id', 'person_id', 'email', 'password_hash', 'is_admin'],
  *rows({ world: w, passwordHash }) {
    let i = 0;
    for (const a of accountHolders(w)) yield line(uid(TAG.account, i++), a.id, a.email, passwordHash, a.isAdmin);
  },
};

const networksTable: TableSpec = {
  table: 'networks',
  columns: ['id', 'kind', 'name', 'school_year_id', 'supervising_org_id', 'lead_org_id', 'decision_number', 'decision_date'],
  *rows({ world: w, schoolYearId }) {
    for (const s of schoolsWhere(w, (x) => w.school(x).groupFirst === x)) {
      const info = w.school(s);
      yield line(
        networkId('group', s),
        'school_group',
        networkName(w, 'group', s),
        schoolYearId,
        communeId(info.commune),
        schoolId(s),
        `${s + 1}/QĐ-UBND`,
        '2025-08-25',
      );
    }
    for (const s of schoolsWhere(w, (x) => w.school(x).clusterFirst === x)) {
      const info = w.school(s);
      yield line(
        networkId('cluster', s),
        'cluster',
        networkName(w, 'cluster', s),
        schoolYearId,
        provinceId(info.province),
        schoolId(s),
        `${s + 1}/QĐ-SGDĐT`,
        '2025-08-20',
      );
    }
  },
};

function* eachNetwork(w: World): Generator<{ kind: 'group' | 'cluster'; first: number; end: number }> {
  for (let s = 0; s < w.spec.schools; s++) {
    const info = w.school(s);
    if (info.groupFirst === s) yield { kind: 'group', first: s, end: info.groupEnd };
    if (info.clusterFirst === s) yield { kind: 'cluster', first: s, end: info.clusterEnd };
  }
}

const networkMembersTable: TableSpec = {
  table: 'network_members',
  columns: ['network_id', 'org_id', 'sort_order'],
  *rows({ world: w }) {
    for (const n of eachNetwork(w)) for (let s = n.first; s < n.end; s++) yield line(networkId(n.kind, n.first), schoolId(s), s - n.first);
  },
};

const networkLeadersTable: TableSpec = {
  table: 'network_leaders',
  columns: ['network_id', 'person_id', 'role'],
  *rows({ world: w }) {
    for (const n of eachNetwork(w)) {
      yield line(networkId(n.kind, n.first), personId(w.person(n.first, 0)), 'leader');
      if (n.end - n.first > 1) yield line(networkId(n.kind, n.first), personId(w.person(n.first + 1, 0)), 'deputy');
    }
  },
};

const plansTable: TableSpec = {
  table: 'plans',
  columns: [
    'id',
    'network_id',
    'school_year_id',
    'term_number',
    'title',
    'status',
    'reviewer_org_id',
    'submitted_at',
    'decided_at',
    'created_by',
  ],
  *rows({ world: w, schoolYearId }) {
    for (const n of eachNetwork(w)) {
      const info = w.school(n.first);
      const reviewer = n.kind === 'group' ? communeId(info.commune) : provinceId(info.province);
      for (const term of [1, 2] as const) {
        const at = term === 1 ? '2025-08-28 09:00:00+07' : '2026-01-10 09:00:00+07';
        const title = `Kế hoạch sinh hoạt chuyên môn học kỳ ${term === 1 ? 'I' : 'II'} năm học 2025-2026 — ${networkName(w, n.kind, n.first)}`;
        yield line(
          planId(n.kind, n.first, term),
          networkId(n.kind, n.first),
          schoolYearId,
          term,
          title,
          'approved',
          reviewer,
          at,
          at,
          personId(w.person(n.first, 0)),
        );
      }
    }
  },
};

/** A cluster's term report, keyed by the cluster's first school. */
export const reportId = (first: number, term: 1 | 2) => uid(TAG.report, first * 2 + term - 1);

/** Draft term reports of every cluster (live results: what the report page computes on each read). */
const reportsTable: TableSpec = {
  table: 'reports',
  columns: ['id', 'network_id', 'school_year_id', 'term_number', 'status', 'reviewer_org_id', 'advantages', 'created_by'],
  *rows({ world: w, schoolYearId }) {
    for (const n of eachNetwork(w)) {
      if (n.kind !== 'cluster') continue;
      const info = w.school(n.first);
      for (const term of [1, 2] as const)
        yield line(
          reportId(n.first, term),
          networkId('cluster', n.first),
          schoolYearId,
          term,
          'draft',
          provinceId(info.province),
          'Đội ngũ giáo viên nhiệt tình; cơ sở vật chất còn thiếu.',
          personId(w.person(n.first, 0)),
        );
    }
  },
};

const itemStatus = (g: GenMeeting) =>
  g.status === 'cancelled' ? 'cancelled' : g.status === 'postponed' ? 'moved' : g.status === 'scheduled' ? 'planned' : 'held';

/** Staff index → person id (all meeting people are school staff). */
const pid = (idx: number) => personId(idx);

const planItemsTable: TableSpec = {
  table: 'plan_items',
  columns: [
    'id',
    'plan_id',
    'sort_order',
    'kind',
    'subject_ids',
    'content',
    'host_org_id',
    'presenter_person_id',
    'proposed_date',
    'proposed_time',
    'mode',
    'planned_count',
    'status',
    'status_reason',
  ],
  *rows({ world: w, subjectIds }) {
    for (const g of meetingsOf(w)) {
      if (!g.planId) continue;
      const status = itemStatus(g);
      yield line(
        uid(TAG.plan, 1e12 + g.m),
        g.planId,
        g.k * 100 + g.n,
        g.kind,
        `{${subjectIds.get(g.subjectCode)}}`,
        g.title,
        g.hostOrgId,
        pid(g.presenter),
        g.date,
        g.startsAt.slice(11, 19),
        'in_person',
        g.invitees.length,
        status,
        status === 'cancelled' || status === 'moved' ? g.statusReason : null,
      );
    }
  },
};

const meetingsTable: TableSpec = {
  table: 'meetings',
  columns: [
    'id',
    'plan_item_id',
    'network_id',
    'host_org_id',
    'school_year_id',
    'term_number',
    'kind',
    'title',
    'content',
    'mode',
    'status',
    'status_reason',
    'starts_at',
    'ends_at',
    'chair_person_id',
    'secretary_person_id',
    'planned_count',
    'checkin_secret',
    'created_by',
    'created_at',
    'updated_at',
  ],
  *rows({ world: w, schoolYearId }) {
    for (const g of meetingsOf(w)) {
      const secret = `${hash2(g.m, 6).toString(16).padStart(8, '0')}${hash2(g.m, 7).toString(16).padStart(8, '0')}`;
      const created = `${g.date} 07:00:00+07`;
      yield line(
        meetingId(g.m),
        g.planId ? uid(TAG.plan, 1e12 + g.m) : null,
        g.networkId,
        g.hostOrgId,
        schoolYearId,
        g.term,
        g.kind,
        g.title,
        `Báo cáo viên trình bày; các thành viên dự, góp ý và thống nhất vận dụng (${SUBJECT_NAME[g.subjectCode]}).`,
        'in_person',
        g.status,
        g.statusReason,
        g.startsAt,
        g.endsAt,
        pid(g.chair),
        pid(g.secretary),
        g.invitees.length,
        secret,
        pid(g.chair),
        created,
        created,
      );
    }
  },
};

const meetingSubjectsTable: TableSpec = {
  table: 'meeting_subjects',
  columns: ['meeting_id', 'subject_id'],
  *rows({ world: w, subjectIds }) {
    for (const g of meetingsOf(w)) yield line(meetingId(g.m), subjectIds.get(g.subjectCode) as string);
  },
};

const presentersTable: TableSpec = {
  table: 'meeting_presenters',
  columns: ['id', 'meeting_id', 'person_id', 'org_id', 'topic'],
  *rows({ world: w }) {
    for (const g of meetingsOf(w)) yield line(uid(TAG.presenter, g.m), meetingId(g.m), pid(g.presenter), schoolId(g.hostSchool), g.title);
  },
};

const invitationsTable: TableSpec = {
  table: 'invitations',
  columns: ['id', 'meeting_id', 'person_id', 'invited_at'],
  *rows({ world: w }) {
    let i = 0;
    for (const g of meetingsOf(w)) {
      const at = `${g.date} 07:00:00+07`;
      for (const p of g.invitees) yield line(uid(TAG.invitation, i++), meetingId(g.m), pid(p), at);
    }
  },
};

const wasHeld = (g: GenMeeting) => g.status === 'held' || g.status === 'minutes_locked';

const attendanceTable: TableSpec = {
  table: 'attendance',
  columns: ['id', 'meeting_id', 'person_id', 'status', 'reason', 'method', 'checked_in_at', 'recorded_by', 'updated_at'],
  *rows({ world: w }) {
    let i = 0;
    for (const g of meetingsOf(w)) {
      if (!wasHeld(g)) continue;
      const done = g.endsAt;
      for (const p of g.invitees) {
        const r = rand(g.m, p);
        const status = r < 0.85 ? 'present' : r < 0.91 ? 'late' : r < 0.97 ? 'excused' : 'absent';
        const reason =
          status === 'excused'
            ? EXCUSED_REASONS[hash2(p, g.m) % EXCUSED_REASONS.length]
            : status === 'absent'
              ? ABSENT_REASONS[hash2(p, g.m) % ABSENT_REASONS.length]
              : null;
        const qr = (status === 'present' || status === 'late') && rand(p, g.m) < 0.3;
        const checkedIn = qr ? `${g.startsAt.slice(0, 14)}${status === 'late' ? '2' : '0'}${hash2(p, 9) % 10}:00+07` : null;
        yield line(
          uid(TAG.attendance, i++),
          meetingId(g.m),
          pid(p),
          status,
          reason,
          qr ? 'qr' : 'secretary',
          checkedIn,
          qr ? null : pid(g.secretary),
          done,
        );
      }
    }
  },
};

const minutesTable: TableSpec = {
  table: 'minutes',
  columns: [
    'id',
    'meeting_id',
    'status',
    'facts',
    'discussion',
    'recommendations',
    'version',
    'text_hash',
    'locked_at',
    'updated_by',
    'updated_at',
  ],
  *rows({ world: w }) {
    for (const g of meetingsOf(w)) {
      if (!wasHeld(g)) continue;
      const locked = g.status === 'minutes_locked';
      const hash = locked ? `${hash2(g.m, 21).toString(16).padStart(8, '0')}${'0'.repeat(56)}` : null;
      yield line(
        uid(TAG.minutes, g.m),
        meetingId(g.m),
        locked ? 'locked' : 'draft',
        '{}',
        `Các thành viên góp ý bài dạy/chuyên đề; thống nhất các biện pháp vận dụng trong ${SUBJECT_NAME[g.subjectCode]}.`,
        'Đề nghị các thành viên áp dụng vào thực tế giảng dạy.',
        1,
        hash,
        locked ? `${g.date} 17:00:00+07` : null,
        pid(g.secretary),
        g.endsAt,
      );
    }
  },
};

/** The tables in load order (parents first). */
export const TABLES: TableSpec[] = [
  orgsTable,
  orgLinksTable,
  orgSubjectsTable,
  peopleTable,
  membershipsTable,
  personSubjectsTable,
  accountsTable,
  networksTable,
  networkMembersTable,
  networkLeadersTable,
  plansTable,
  planItemsTable,
  meetingsTable,
  meetingSubjectsTable,
  presentersTable,
  invitationsTable,
  attendanceTable,
  minutesTable,
  reportsTable,
];
