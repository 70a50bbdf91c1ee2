import { randomUUID } from 'node:crypto';
import { ALLOWED_CHILDREN, type OrgType, SCHOOL_LEVELS, type SchoolLevel } from '../../../shared/enums';
import { orgTypeLabels } from '../../../shared/labels';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { dayBefore } from '../../lib/format';
import * as orgsRepo from '../orgs/repo';
import * as schoolYearsRepo from '../schoolYears/repo';
import { fold, levelOf, ORG_COLUMNS, orgTypeOf, splitList } from './columns';
import { chainsBeforeMoves, checkEnding } from './orgsDates';
import type { SheetRow } from './parse';
import { canCreateOrgUnder, canMoveOrg, canUpdateOrg } from './policy';
import { cleanPhone, isEmail, keepPhone, Problems, parseViDate } from './problems';
import * as repo from './repo';

const H = Object.fromEntries(ORG_COLUMNS.map((c) => [c.key, c.header])) as Record<string, string>;

/** One valid org row, ready to be compared with the database. */
export interface OrgRow {
  row: number;
  code: string;
  name: string;
  type: OrgType;
  levels: SchoolLevel[];
  parentCode: string | null;
  /** When the link to the parent starts (a new org, a move): the cell, else validFrom, else the school year's start. */
  linkFrom: string | null;
  /** null when the cell is empty: the stored dates are kept. */
  validFrom: string | null;
  validTo: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** null when the cell is empty: the stored subjects are kept. */
  subjectIds: string[] | null;
}

export type Stored = Awaited<ReturnType<typeof repo.orgsByCodes>>[number];

/** Everything the writer needs: rows, what is stored, resolved ids. */
export interface OrgPlan {
  rows: OrgRow[];
  stored: Map<string, Stored>;
  newIds: Map<string, string>;
  openLinks: Map<string, { id: string; parentId: string; validFrom: string }>;
  storedSubjects: Map<string, string[]>;
}

/** Reads one row's cells; problems are added, the row is returned when its own cells are valid. */
function readRow(r: SheetRow, subjectsByName: Map<string, string>, yearStart: string | null, p: Problems): OrgRow | null {
  const v = r.values;
  const before = p.list.length;
  for (const c of ORG_COLUMNS) if (c.required && !v[c.key] && c.key !== 'parentCode') p.add(r.row, c.header, 'không được để trống');
  const type = v.type ? orgTypeOf(v.type) : undefined;
  if (v.type && !type) p.add(r.row, H.type, `"${v.type}" không phải loại đơn vị hợp lệ (${Object.values(orgTypeLabels).join('; ')})`);
  if (type && type !== 'province_department' && !v.parentCode) p.add(r.row, H.parentCode, 'không được để trống');
  const levels: SchoolLevel[] = [];
  for (const part of splitList(v.levels)) {
    const l = levelOf(part);
    if (l) levels.push(l);
    else p.add(r.row, H.levels, `"${part}" không phải cấp học hợp lệ (TH, THCS, THPT, Mầm non)`);
  }
  if (type === 'school' && levels.length === 0 && !v.levels) p.add(r.row, H.levels, 'bắt buộc với trường học');
  if (type && type !== 'school' && type !== 'center' && levels.length > 0) p.add(r.row, H.levels, 'chỉ dùng cho trường hoặc trung tâm');
  const dateOf = (key: 'linkFrom' | 'validFrom' | 'validTo') => {
    const d = v[key] ? parseViDate(v[key]) : null;
    if (v[key] && !d) p.add(r.row, H[key], `"${v[key]}" không phải ngày hợp lệ (dd/mm/yyyy)`);
    return d;
  };
  const validFrom = dateOf('validFrom');
  const validTo = dateOf('validTo');
  if (validFrom && validTo && validTo < validFrom) p.add(r.row, H.validTo, 'phải từ ngày «Hiệu lực từ ngày» trở đi');
  // an empty "Trực thuộc từ ngày" is never today: the org's own start, else the school year's start (stated in the template)
  const linkFrom = v.linkFrom ? dateOf('linkFrom') : (validFrom ?? yearStart);
  const phone = v.phone ? cleanPhone(v.phone) : null;
  if (v.phone && !phone) p.add(r.row, H.phone, `"${v.phone}" không phải số điện thoại hợp lệ`);
  if (v.email && !isEmail(v.email)) p.add(r.row, H.email, `"${v.email}" không phải là địa chỉ email hợp lệ`);
  let subjectIds: string[] | null = null;
  if (v.subjects) {
    if (type && type !== 'team') p.add(r.row, H.subjects, 'chỉ dùng cho tổ chuyên môn');
    subjectIds = [];
    for (const name of splitList(v.subjects)) {
      const id = subjectsByName.get(fold(name));
      if (id) subjectIds.push(id);
      else p.add(r.row, H.subjects, `không có môn "${name}"`);
    }
  }
  if (v.code.length > 50) p.add(r.row, H.code, 'dài tối đa 50 ký tự');
  if (v.name.length > 300) p.add(r.row, H.name, 'dài tối đa 300 ký tự');
  if (p.list.length > before || !type) return null;
  return {
    row: r.row,
    code: v.code,
    name: v.name,
    type,
    levels: SCHOOL_LEVELS.filter((l) => levels.includes(l)),
    parentCode: v.parentCode || null,
    linkFrom,
    validFrom,
    validTo,
    address: v.address || null,
    phone,
    email: v.email || null,
    subjectIds: subjectIds ? [...new Set(subjectIds)].sort() : null,
  };
}

/** Validates every org row (cells, references, duplicates, tree rules, policy) and loads what is stored. */
export async function checkOrgs(
  db: Executor,
  actor: Actor,
  sheet: SheetRow[],
  today: string,
  progress: (n: number) => Promise<void>,
): Promise<{ problems: Problems; plan: OrgPlan }> {
  const p = new Problems();
  const [subjects, yearStart] = await Promise.all([schoolYearsRepo.listSubjects(db), repo.schoolYearStartOn(db, today)]);
  const subjectsByName = new Map<string, string>();
  for (const s of subjects) {
    subjectsByName.set(fold(s.name), s.id);
    subjectsByName.set(fold(s.code), s.id);
  }
  const rows: OrgRow[] = [];
  const firstRow = new Map<string, number>();
  for (const [i, r] of sheet.entries()) {
    if (i % 250 === 0) await progress(i);
    const key = r.values.code.toLowerCase();
    const dup = key ? firstRow.get(key) : undefined;
    if (dup) p.add(r.row, H.code, `mã "${r.values.code}" trùng với dòng ${dup}`);
    else if (key) firstRow.set(key, r.row);
    const row = readRow(r, subjectsByName, yearStart, p);
    if (row && !dup) rows.push(row);
  }
  const codes = [...new Set(rows.flatMap((r) => [r.code, r.parentCode ?? '']).filter(Boolean))];
  const storedRows = await repo.orgsByCodes(db, codes);
  const stored = new Map(storedRows.map((o) => [o.code.toLowerCase(), o]));
  const [links, subjectPairs, chains] = await Promise.all([
    repo.openLinksOf(
      db,
      storedRows.map((o) => o.id),
    ),
    repo.orgSubjectsOf(
      db,
      storedRows.filter((o) => o.type === 'team').map((o) => o.id),
    ),
    orgsRepo.ancestorChains(
      db,
      storedRows.map((o) => o.id),
      today,
    ),
  ]);
  const chainsThen = await chainsBeforeMoves(db, rows, storedRows, today);
  const openLinks = new Map(links.map((l) => [l.orgId, { id: l.id, parentId: l.parentId, validFrom: l.validFrom }]));
  const storedSubjects = new Map<string, string[]>();
  for (const s of subjectPairs) storedSubjects.set(s.orgId, [...(storedSubjects.get(s.orgId) ?? []), s.subjectId].sort());
  const inFile = new Map(rows.map((r) => [r.code.toLowerCase(), r]));
  const newIds = new Map(rows.filter((r) => !stored.has(r.code.toLowerCase())).map((r) => [r.code.toLowerCase(), randomUUID()]));
  const idOf = (code: string) => stored.get(code)?.id ?? newIds.get(code);
  const typeOf = (code: string) => inFile.get(code)?.type ?? stored.get(code)?.type;

  // The chain [org, parent, …] of each code as it will stand after the import (null: a cycle).
  const chainMemo = new Map<string, string[] | null>();
  const chainOf = (code: string, seen: Set<string> = new Set()): string[] | null => {
    if (chainMemo.has(code)) return chainMemo.get(code) ?? null;
    const row = inFile.get(code);
    const s = stored.get(code);
    const parentCode = row?.parentCode?.toLowerCase();
    let chain: string[] | null;
    if (!row || !parentCode || (s && openLinks.get(s.id)?.parentId === idOf(parentCode)))
      chain = s ? (chains.get(s.id) ?? [s.id]) : [idOf(code) ?? code];
    else if (seen.has(code)) chain = null;
    else {
      seen.add(code);
      const up = idOf(parentCode) ? chainOf(parentCode, seen) : null;
      chain = up ? [idOf(code) ?? code, ...up] : null;
    }
    chainMemo.set(code, chain);
    return chain;
  };

  const valid: OrgRow[] = [];
  for (const r of rows) {
    const key = r.code.toLowerCase();
    const s = stored.get(key);
    const before = p.list.length;
    const parentKey = r.parentCode?.toLowerCase();
    const parentType = parentKey ? typeOf(parentKey) : undefined;
    if (parentKey && !parentType) p.add(r.row, H.parentCode, `không có đơn vị mã "${r.parentCode}" trong hệ thống hoặc trong tệp`);
    else if (parentKey === key) p.add(r.row, H.parentCode, 'đơn vị không thể trực thuộc chính nó');
    else if (parentType && !ALLOWED_CHILDREN[parentType].includes(r.type)) {
      p.add(r.row, H.parentCode, `${orgTypeLabels[r.type]} không thể trực thuộc ${orgTypeLabels[parentType]} ("${r.parentCode}")`);
    }
    if (s && s.type !== r.type) p.add(r.row, H.type, `đơn vị "${r.code}" đã có với loại «${orgTypeLabels[s.type]}», không thể đổi loại`);
    if (p.list.length > before) continue;
    const parent = parentKey && parentType ? { chain: chainOf(parentKey), type: parentType } : null;
    if (parent && !parent.chain) {
      p.add(r.row, H.parentCode, 'quan hệ cấp trên tạo thành vòng lặp');
      continue;
    }
    const parentRef = parent?.chain ? { chain: parent.chain, type: parent.type } : null;
    const noLinkFrom = () => p.add(r.row, H.linkFrom, 'không được để trống khi chưa có năm học nào trong hệ thống');
    const linkFrom = r.linkFrom ?? '';
    if (!s) {
      if (parentRef && !r.linkFrom) {
        noLinkFrom();
        continue;
      }
      if (!parentRef && r.type !== 'province_department') p.add(r.row, H.parentCode, 'không được để trống');
      else if (!canCreateOrgUnder(actor, parentRef)) {
        p.add(
          r.row,
          parentRef ? H.parentCode : H.code,
          `bạn không có quyền tạo đơn vị${parentRef ? ` trực thuộc "${r.parentCode}"` : ' cấp cao nhất'}`,
        );
      } else valid.push(r);
      continue;
    }
    const chain = chains.get(s.id) ?? [s.id];
    const open = openLinks.get(s.id);
    const parentId = parentKey ? idOf(parentKey) : undefined;
    const moved = Boolean(parentRef && parentId && open?.parentId !== parentId);
    if (parentRef && moved) {
      // who may move it: its managers on its current link's last day (the day before the move) or today
      const then = chainsThen.get(dayBefore(linkFrom))?.get(s.id) ?? chain;
      if (!r.linkFrom) noLinkFrom();
      else if (parentRef.chain.includes(s.id)) p.add(r.row, H.parentCode, 'không thể chuyển đơn vị vào chính cấp dưới của nó');
      else if (!canMoveOrg(actor, chain, s.type, parentRef) && !canMoveOrg(actor, then, s.type, parentRef))
        p.add(r.row, H.parentCode, `bạn không có quyền chuyển đơn vị sang "${r.parentCode}"`);
      else if (open && open.validFrom >= linkFrom) p.add(r.row, H.linkFrom, 'ngày chuyển phải sau ngày bắt đầu trực thuộc hiện tại');
    }
    checkEnding(r, s, moved ? null : open, p);
    if (orgChanged(r, s, storedSubjects.get(s.id) ?? []) && !canUpdateOrg(actor, chain, s.type)) {
      p.add(r.row, H.code, `bạn không có quyền sửa đơn vị "${r.code}"`);
    }
    if (p.list.length === before) valid.push(r);
  }
  await progress(sheet.length);
  return { problems: p, plan: { rows: valid, stored, newIds, openLinks, storedSubjects } };
}

/** The org's own facts after the import: empty cells keep what is stored. */
export function mergedOrg(r: OrgRow, s: Stored | undefined) {
  return {
    code: s?.code ?? r.code,
    name: r.name,
    type: r.type,
    levels: r.type === 'school' || r.type === 'center' ? (r.levels.length > 0 ? r.levels : (s?.levels ?? [])) : [],
    address: r.address ?? s?.address ?? null,
    phone: keepPhone(r.phone, s?.phone),
    email: r.email ?? s?.email ?? null,
    validFrom: r.validFrom ?? s?.validFrom ?? null,
    validTo: r.validTo ?? s?.validTo ?? null,
  };
}

/** Whether a row changes a stored org's own facts or subjects. */
export function orgChanged(r: OrgRow, s: Stored, storedSubjects: string[]): boolean {
  const m = mergedOrg(r, s);
  const sameLevels = [...m.levels].sort().join() === [...s.levels].sort().join();
  const subjectsChanged = r.type === 'team' && r.subjectIds !== null && r.subjectIds.join() !== storedSubjects.join();
  const datesChanged = m.validFrom !== s.validFrom || m.validTo !== s.validTo;
  return (
    datesChanged ||
    m.name !== s.name ||
    !sameLevels ||
    m.address !== s.address ||
    m.phone !== s.phone ||
    m.email !== s.email ||
    subjectsChanged
  );
}
