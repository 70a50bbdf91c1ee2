import { randomUUID } from 'node:crypto';
import { type Position, SCHOOL_LEVELS, type SchoolLevel } from '../../../shared/enums';
import { orgTypeLabels, positionLabels } from '../../../shared/labels';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import * as orgsRepo from '../orgs/repo';
import { POSITION_ORG_TYPES } from '../people/service';
import * as schoolYearsRepo from '../schoolYears/repo';
import { fold, genderOf, levelOf, positionOf, STAFF_COLUMNS, splitList } from './columns';
import type { SheetRow } from './parse';
import { canWriteStaff } from './policy';
import { cleanPhone, isEmail, keepPhone, Problems } from './problems';
import * as repo from './repo';

const H = Object.fromEntries(STAFF_COLUMNS.map((c) => [c.key, c.header])) as Record<string, string>;
const PERSON_FIELDS = ['code', 'fullName', 'phone', 'gender'] as const;

type StoredPerson = Awaited<ReturnType<typeof repo.peopleByKeys>>[number];

/** One person of the file: own facts (null = keep stored), positions and subjects, with the rows they came from. */
export interface StaffPerson {
  id: string;
  isNew: boolean;
  firstRow: number;
  email: string;
  fields: { code: string | null; fullName: string; phone: string | null; gender: 'male' | 'female' | null };
  positions: Array<{ row: number; orgId: string; position: Position }>;
  /** null when no row names subjects: the stored subjects are kept. */
  subjectIds: string[] | null;
  /** null when no row names the levels taught: the stored ones are kept (empty for a new person: derived). */
  teachingLevels: SchoolLevel[] | null;
  stored?: StoredPerson;
  storedSubjects: string[];
  /** Positions not yet held (open memberships are compared by org and position). */
  newPositions: Array<{ orgId: string; position: Position }>;
  changed: boolean;
}

interface Parsed {
  row: number;
  email: string;
  code: string | null;
  fullName: string;
  phone: string | null;
  gender: 'male' | 'female' | null;
  orgCode: string;
  position: Position;
  subjectIds: string[] | null;
  teachingLevels: SchoolLevel[] | null;
}

function readLevels(r: SheetRow, p: Problems): SchoolLevel[] | null {
  if (!r.values.teachingLevels) return null;
  const out: SchoolLevel[] = [];
  for (const part of splitList(r.values.teachingLevels)) {
    const l = levelOf(part);
    if (l) out.push(l);
    else p.add(r.row, H.teachingLevels, `"${part}" không phải cấp học hợp lệ (TH, THCS, THPT, Mầm non)`);
  }
  return out;
}

function readRow(r: SheetRow, subjects: Map<string, string>, p: Problems): Parsed | null {
  const v = r.values;
  const before = p.list.length;
  for (const c of STAFF_COLUMNS) if (c.required && !v[c.key]) p.add(r.row, c.header, 'không được để trống');
  if (v.email && !isEmail(v.email)) p.add(r.row, H.email, `"${v.email}" không phải là địa chỉ email hợp lệ`);
  const phone = v.phone ? cleanPhone(v.phone) : null;
  if (v.phone && !phone) p.add(r.row, H.phone, `"${v.phone}" không phải số điện thoại hợp lệ`);
  const gender = v.gender ? genderOf(v.gender) : null;
  if (v.gender && !gender) p.add(r.row, H.gender, `"${v.gender}" không hợp lệ (Nam hoặc Nữ)`);
  const position = v.position ? positionOf(v.position) : undefined;
  if (v.position && !position) {
    p.add(r.row, H.position, `"${v.position}" không phải chức vụ hợp lệ (${Object.values(positionLabels).join('; ')})`);
  }
  let subjectIds: string[] | null = null;
  if (v.subjects) {
    subjectIds = [];
    for (const name of splitList(v.subjects)) {
      const id = subjects.get(fold(name));
      if (id) subjectIds.push(id);
      else p.add(r.row, H.subjects, `không có môn "${name}"`);
    }
  }
  const teachingLevels = readLevels(r, p);
  if (v.fullName.length > 200) p.add(r.row, H.fullName, 'dài tối đa 200 ký tự');
  if (v.code.length > 50) p.add(r.row, H.code, 'dài tối đa 50 ký tự');
  if (p.list.length > before || !position) return null;
  const g = gender ?? null;
  return {
    row: r.row,
    email: v.email.toLowerCase(),
    code: v.code || null,
    fullName: v.fullName,
    phone,
    gender: g,
    orgCode: v.orgCode,
    position,
    subjectIds,
    teachingLevels,
  };
}

/** Validates every staff row and builds one entry per person, compared with what is stored. */
export async function checkStaff(
  db: Executor,
  actor: Actor,
  sheet: SheetRow[],
  today: string,
  progress: (n: number) => Promise<void>,
): Promise<{ problems: Problems; people: StaffPerson[] }> {
  const p = new Problems();
  const subjects = new Map<string, string>();
  for (const s of await schoolYearsRepo.listSubjects(db)) {
    subjects.set(fold(s.name), s.id);
    subjects.set(fold(s.code), s.id);
  }
  const groups = new Map<string, Parsed[]>();
  const codeOwner = new Map<string, { email: string; row: number }>();
  const seen = new Map<string, number>();
  for (const [i, r] of sheet.entries()) {
    if (i % 250 === 0) await progress(i);
    const row = readRow(r, subjects, p);
    if (!row) continue;
    const dupKey = `${row.email}|${row.orgCode.toLowerCase()}|${row.position}`;
    const dup = seen.get(dupKey);
    if (dup) {
      p.add(row.row, H.position, `cán bộ "${row.email}" đã có chức vụ này tại đơn vị "${row.orgCode}" ở dòng ${dup}`);
      continue;
    }
    seen.set(dupKey, row.row);
    const owner = row.code ? codeOwner.get(row.code) : undefined;
    if (row.code && owner && owner.email !== row.email) {
      p.add(row.row, H.code, `mã "${row.code}" đã dùng cho "${owner.email}" ở dòng ${owner.row}`);
      continue;
    }
    if (row.code && !owner) codeOwner.set(row.code, { email: row.email, row: row.row });
    const group = groups.get(row.email) ?? [];
    const first = group[0];
    if (first) {
      for (const f of PERSON_FIELDS) {
        const a = group.find((g) => g[f] !== null && g[f] !== '')?.[f];
        if (a && row[f] && a !== row[f]) p.add(row.row, H[f], `"${row[f]}" khác với dòng ${first.row} của cùng cán bộ ("${a}")`);
      }
    }
    groups.set(row.email, [...group, row]);
  }

  const all = [...groups.values()].flat();
  const orgRows = await repo.orgsByCodes(db, [...new Set(all.map((r) => r.orgCode))]);
  const orgByCode = new Map(orgRows.map((o) => [o.code.toLowerCase(), o]));
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  const storedPeople = await repo.peopleByKeys(db, [...groups.keys()], [...codeOwner.keys()]);
  const byEmail = new Map(storedPeople.filter((s) => s.email).map((s) => [String(s.email).toLowerCase(), s]));
  const byCode = new Map(storedPeople.filter((s) => s.code).map((s) => [String(s.code), s]));
  const personIds = storedPeople.map((s) => s.id);
  const [memberships, subjectPairs] = await Promise.all([repo.membershipsOfPeople(db, personIds), repo.personSubjectsOf(db, personIds)]);
  const membershipsOf = groupBy(memberships, (m) => m.personId);
  const subjectsOf = groupBy(subjectPairs, (s) => s.personId);
  const chainIds = [...new Set([...orgRows.map((o) => o.id), ...memberships.map((m) => m.orgId)])];
  const chains = await orgsRepo.ancestorChains(db, chainIds, today);
  const chainOf = (id: string) => chains.get(id) ?? [id];

  const claimed = new Map<string, string>();
  const people: StaffPerson[] = [];
  for (const [email, rows] of groups) {
    const before = p.list.length;
    const firstRow = rows[0].row;
    const pick = <K extends (typeof PERSON_FIELDS)[number]>(f: K): Parsed[K] | null => rows.find((r) => r[f])?.[f] ?? null;
    const code = pick('code');
    const stored = byEmail.get(email) ?? (code ? byCode.get(code) : undefined);
    const codeHolder = code ? byCode.get(code) : undefined;
    if (stored && codeHolder && codeHolder.id !== stored.id) {
      p.add(rows.find((r) => r.code)?.row ?? firstRow, H.code, `mã "${code}" đã được dùng cho cán bộ khác (${codeHolder.fullName})`);
    }
    if (stored && claimed.has(stored.id)) p.add(firstRow, H.email, `trùng cán bộ với email "${claimed.get(stored.id)}" trong cùng tệp`);
    if (stored) claimed.set(stored.id, email);
    const positions: StaffPerson['positions'] = [];
    for (const r of rows) {
      const org = orgByCode.get(r.orgCode.toLowerCase());
      if (!org) p.add(r.row, H.orgCode, `không có đơn vị mã "${r.orgCode}" trong hệ thống`);
      else if (!POSITION_ORG_TYPES[r.position].includes(org.type)) {
        p.add(r.row, H.position, `chức vụ «${positionLabels[r.position]}» không dùng cho ${orgTypeLabels[org.type]} ("${org.name}")`);
      } else positions.push({ row: r.row, orgId: org.id, position: r.position });
    }
    const mine = stored ? (membershipsOf.get(stored.id) ?? []) : [];
    const open = new Set(mine.filter((m) => m.validTo === null || m.validTo >= today).map((m) => `${m.orgId}|${m.position}`));
    const newPositions = positions.filter((x) => !open.has(`${x.orgId}|${x.position}`));
    for (const x of stored ? newPositions : positions) {
      if (!canWriteStaff(actor, [chainOf(x.orgId)])) {
        const org = orgById.get(x.orgId);
        p.add(x.row, H.orgCode, `bạn không có quyền quản lý cán bộ của đơn vị "${org?.code}" (${org?.name})`);
      }
    }
    const given = rows.filter((r) => r.subjectIds !== null);
    const subjectIds = given.length > 0 ? [...new Set(given.flatMap((r) => r.subjectIds ?? []))].sort() : null;
    const storedSubjects = stored ? (subjectsOf.get(stored.id) ?? []).map((s) => s.subjectId).sort() : [];
    const levelRows = rows.filter((r) => r.teachingLevels !== null);
    const teachingLevels = levelRows.length > 0 ? SCHOOL_LEVELS.filter((l) => levelRows.some((r) => r.teachingLevels?.includes(l))) : null;
    const fields = { code, fullName: pick('fullName') ?? '', phone: pick('phone'), gender: pick('gender') };
    const person: StaffPerson = {
      id: stored?.id ?? randomUUID(),
      isNew: !stored,
      firstRow,
      email,
      fields,
      positions,
      subjectIds,
      teachingLevels,
      stored,
      storedSubjects,
      newPositions,
      changed: false,
    };
    const ownChange = stored ? personFieldsChanged(person, stored) : false;
    person.changed = !stored || ownChange || newPositions.length > 0;
    if (stored && ownChange) {
      const orgIds = [...new Set([...mine.map((m) => m.orgId), ...positions.map((x) => x.orgId)])];
      if (!canWriteStaff(actor, orgIds.map(chainOf))) {
        p.add(
          firstRow,
          H.email,
          `bạn không có quyền sửa thông tin của cán bộ "${stored.fullName}" (đang công tác ở đơn vị bạn không quản lý)`,
        );
      }
    }
    if (p.list.length === before) people.push(person);
  }
  await progress(sheet.length);
  return { problems: p, people };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The person's own facts after the import: empty cells keep what is stored. */
export function mergedPerson(x: StaffPerson) {
  const s = x.stored;
  return {
    code: x.fields.code ?? s?.code ?? null,
    fullName: x.fields.fullName,
    email: x.email,
    phone: keepPhone(x.fields.phone, s?.phone),
    gender: x.fields.gender ?? s?.gender ?? null,
    teachingLevels: x.teachingLevels ?? s?.teachingLevels ?? [],
  };
}

/** Whether the file changes a stored person's own facts or subjects. */
function personFieldsChanged(x: StaffPerson, s: StoredPerson): boolean {
  const m = mergedPerson(x);
  const subjectsChanged = x.subjectIds !== null && x.subjectIds.join() !== x.storedSubjects.join();
  return (
    m.code !== s.code ||
    m.fullName !== s.fullName ||
    m.email !== (s.email ?? '').toLowerCase() ||
    m.phone !== s.phone ||
    m.gender !== s.gender ||
    m.teachingLevels.join() !== SCHOOL_LEVELS.filter((l) => s.teachingLevels.includes(l)).join() ||
    subjectsChanged
  );
}

/** Whether the file changes the person's own facts (not only positions). */
export function ownFactsChanged(x: StaffPerson): boolean {
  return x.stored ? personFieldsChanged(x, x.stored) : true;
}
