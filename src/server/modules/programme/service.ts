import { meetingCreateInput } from '../../../shared/meetings';
import type {
  AssignmentInput,
  AssignmentStatus,
  AssignmentsQuery,
  AssignmentView,
  LinkableMeeting,
  ProgrammeCan,
} from '../../../shared/programme';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors';
import { viDate } from '../../lib/format';
import * as meetingsService from '../meetings/service';
import * as orgsRepo from '../orgs/repo';
import * as schoolYearsRepo from '../schoolYears/repo';
import { addDays, dayInYear, monthEnd, monthInYear, monthStart, vnDay } from './dates';
import { authorize, canLinkAssignment, canReadAssignment, canWriteProvince, writableProvinces } from './policy';
import * as repo from './repo';

type Row = repo.AssignmentRow;

/** Not yet scheduled, scheduled, held, or overdue when its month passed without a held meeting. */
export function statusOf(r: Pick<Row, 'month' | 'meetingStatus'>, today = todayIso()): AssignmentStatus {
  if (r.meetingStatus === 'held' || r.meetingStatus === 'minutes_locked') return 'held';
  if (monthEnd(r.month) < today) return 'overdue';
  if (r.meetingStatus && r.meetingStatus !== 'cancelled') return 'scheduled';
  return 'not_scheduled';
}

/** Each row's unit chain, read on a day inside its school year. */
async function chainsOf(db: Executor, rows: Row[]): Promise<string[][]> {
  const byDay = new Map<string, string[]>();
  for (const r of rows) {
    const day = dayInYear({ startDate: r.yearStart, endDate: r.yearEnd });
    byDay.set(day, [...(byDay.get(day) ?? []), r.unitOrgId]);
  }
  const chains = new Map<string, Map<string, string[]>>();
  for (const [day, ids] of byDay) chains.set(day, await orgsRepo.ancestorChains(db, [...new Set(ids)], day));
  return rows.map((r) => chains.get(dayInYear({ startDate: r.yearStart, endDate: r.yearEnd }))?.get(r.unitOrgId) ?? [r.unitOrgId]);
}

function shape(actor: Actor, r: Row, chain: string[]): AssignmentView {
  const meeting =
    r.meetingId && r.meetingStartsAt
      ? { id: r.meetingId, title: r.meetingTitle ?? '', startsAt: r.meetingStartsAt.toISOString(), status: r.meetingStatus ?? '' }
      : null;
  return {
    id: r.id,
    provinceOrgId: r.provinceOrgId,
    provinceName: r.provinceName,
    schoolYearId: r.schoolYearId,
    schoolYearCode: r.schoolYearCode,
    level: r.level,
    unitOrgId: r.unitOrgId,
    unitName: r.unitName,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    grade: r.grade,
    month: r.month.slice(0, 7),
    notes: r.notes,
    meeting,
    status: statusOf(r),
    dueDate: r.meetingStartsAt ? addDays(vnDay(r.meetingStartsAt), -7) : null,
    can: { edit: canWriteProvince(actor, r.provinceOrgId), link: canLinkAssignment(actor, chain) },
  };
}

/** Assignments matching the filter that the actor may read. */
export async function list(db: Executor, actor: Actor, q: AssignmentsQuery): Promise<AssignmentView[]> {
  const rows = await repo.list(db, { ...q, month: q.month ? monthStart(q.month) : undefined });
  const chains = await chainsOf(db, rows);
  return rows.flatMap((r, i) => (canReadAssignment(actor, chains[i]) ? [shape(actor, r, chains[i])] : []));
}

/** One assignment; 403 for those who may not read it. */
export async function get(db: Executor, actor: Actor, id: string): Promise<AssignmentView> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('phân công');
  const [chain] = await chainsOf(db, [row]);
  authorize(actor, 'read', { unitChain: chain });
  return shape(actor, row, chain);
}

/** The province departments where the actor writes (for the "Thêm phân công" buttons). */
export async function can(db: Executor, actor: Actor): Promise<ProgrammeCan> {
  const ids = writableProvinces(actor);
  if (ids === null) return { provinces: await repo.provinceDepartments(db) };
  const orgs = await orgsRepo.summaries(db, ids);
  return { provinces: orgs.map((o) => ({ id: o.id, name: o.name })) };
}

/**
 * Checks an assignment's fields (all problems at once, each naming its field) and returns the Sở of the unit:
 * the year exists, the month lies in it, the unit and subject exist, the unit sits under a Sở and teaches the level.
 */
async function validate(db: Executor, input: AssignmentInput): Promise<{ provinceOrgId: string }> {
  const year = await schoolYearsRepo.findById(db, input.schoolYearId);
  if (!year) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  const fields: FieldError[] = [];
  if (!monthInYear(input.month, year))
    fields.push({
      field: 'month',
      message: `Tháng phải nằm trong năm học ${year.code} (${viDate(year.startDate)} – ${viDate(year.endDate)})`,
    });
  if (!(await repo.subjectName(db, input.subjectId))) fields.push({ field: 'subjectId', message: 'Môn học không tồn tại' });
  const [unit] = await orgsRepo.summaries(db, [input.unitOrgId]);
  let provinceOrgId = '';
  if (!unit) fields.push({ field: 'unitOrgId', message: 'Đơn vị không tồn tại' });
  else if (unit.type === 'team' || unit.type === 'province_department')
    fields.push({ field: 'unitOrgId', message: 'Đơn vị tổ chức phải là phòng GD&ĐT, xã/phường, trường hoặc trung tâm' });
  else {
    const chain = await orgsRepo.ancestorChain(db, unit.id, dayInYear(year));
    const types = await orgsRepo.summaries(db, chain);
    provinceOrgId = types.find((o) => o.type === 'province_department')?.id ?? '';
    if (!provinceOrgId) fields.push({ field: 'unitOrgId', message: 'Đơn vị không thuộc Sở GD&ĐT nào trong năm học này' });
    if (unit.levels.length > 0 && !unit.levels.includes(input.level))
      fields.push({ field: 'level', message: `Cấp học không phù hợp: «${unit.name}» không dạy cấp học này` });
  }
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  return { provinceOrgId };
}

function rowOf(input: AssignmentInput) {
  return {
    schoolYearId: input.schoolYearId,
    level: input.level,
    unitOrgId: input.unitOrgId,
    subjectId: input.subjectId,
    grade: input.grade ?? null,
    month: monthStart(input.month),
    notes: input.notes ?? null,
  };
}

/** Refuses a second assignment of the same unit, subject and level in the same month (400 naming the month). */
async function refuseSame(tx: Executor, input: AssignmentInput, exceptId?: string): Promise<void> {
  const row = rowOf(input);
  if (await repo.findSame(tx, row, exceptId))
    throw fieldError('month', 'Đơn vị đã được phân công sinh hoạt môn này, cấp học này trong tháng này');
}

/** The Sở assigns a province-level meeting to a unit. */
export async function create(tx: Executor, actor: Actor, input: AssignmentInput) {
  const { provinceOrgId } = await validate(tx, input);
  authorize(actor, 'write', { provinceOrgId });
  await refuseSame(tx, input);
  const row = await repo.insert(tx, { ...rowOf(input), provinceOrgId, createdBy: actor.personId });
  await audit(tx, actor, { action: 'create', entityType: 'assignment', entityId: row.id, orgId: provinceOrgId, after: row });
  return row;
}

/** Changes an assignment (the unit may move to another unit of the same Sở). */
export async function update(tx: Executor, actor: Actor, id: string, input: AssignmentInput) {
  const before = await repo.lockById(tx, id);
  if (!before) throw notFound('phân công');
  authorize(actor, 'write', { provinceOrgId: before.provinceOrgId });
  const { provinceOrgId } = await validate(tx, input);
  if (provinceOrgId !== before.provinceOrgId) throw fieldError('unitOrgId', 'Đơn vị phải thuộc cùng Sở GD&ĐT');
  await refuseSame(tx, input, id);
  const unitChanged = input.unitOrgId !== before.unitOrgId || input.schoolYearId !== before.schoolYearId;
  const after = await repo.update(tx, id, { ...rowOf(input), ...(unitChanged ? { meetingId: null } : {}) });
  await audit(tx, actor, { action: 'update', entityType: 'assignment', entityId: id, orgId: provinceOrgId, before, after });
}

/** Deletes an assignment. */
export async function remove(tx: Executor, actor: Actor, id: string) {
  const before = await repo.lockById(tx, id);
  if (!before) throw notFound('phân công');
  authorize(actor, 'write', { provinceOrgId: before.provinceOrgId });
  await repo.remove(tx, id);
  await audit(tx, actor, { action: 'delete', entityType: 'assignment', entityId: id, orgId: before.provinceOrgId, before });
}

/** Loads an assignment for the unit's managers (403 otherwise), with its unit chain. */
async function forLinking(db: Executor, actor: Actor, id: string) {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('phân công');
  const [chain] = await chainsOf(db, [row]);
  authorize(actor, 'link', { unitChain: chain });
  return row;
}

/** Meetings of the unit (hosted by it or by an org under it) in the assignment's year, to pick from. */
export async function linkable(db: Executor, actor: Actor, id: string): Promise<LinkableMeeting[]> {
  const row = await forLinking(db, actor, id);
  const hosts = await orgsRepo.subtreeIds(db, [row.unitOrgId], dayInYear({ startDate: row.yearStart, endDate: row.yearEnd }));
  const meetings = await repo.meetingsHostedBy(db, hosts, row.schoolYearId);
  return meetings.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() }));
}

/** The unit links (or unlinks, with null) the meeting that fulfils the assignment. */
export async function link(tx: Executor, actor: Actor, id: string, meetingId: string | null) {
  const row = await forLinking(tx, actor, id);
  await repo.lockById(tx, id);
  if (meetingId) {
    const candidates = await linkable(tx, actor, id);
    if (!candidates.some((m) => m.id === meetingId))
      throw fieldError('meetingId', 'Buổi sinh hoạt không tồn tại hoặc không do đơn vị được phân công tổ chức trong năm học này');
    const taken = await repo.byMeeting(tx, meetingId);
    if (taken && taken.id !== id) throw fieldError('meetingId', 'Buổi sinh hoạt này đã gắn với một phân công khác');
  }
  const after = await repo.update(tx, id, { meetingId });
  await audit(tx, actor, {
    action: 'link_meeting',
    entityType: 'assignment',
    entityId: id,
    orgId: row.provinceOrgId,
    before: { meetingId: row.meetingId },
    after: { meetingId: after.meetingId },
  });
}

/**
 * Creates a draft meeting of the unit prefilled from the assignment (lesson study, the subject and grade, hybrid as
 * seed 002 §1.2.1 asks, 7h30–11h00 on the given day or the 15th of the month) through the meetings service, and links it.
 */
export async function createMeeting(tx: Executor, actor: Actor, id: string, date?: string) {
  const row = await forLinking(tx, actor, id);
  const day = date ?? `${row.month.slice(0, 7)}-15`;
  if (day.slice(0, 7) !== row.month.slice(0, 7)) throw fieldError('date', 'Ngày tổ chức phải trong tháng được phân công');
  const subject = `${row.subjectName}${row.grade ? ` ${row.grade}` : ''}`;
  const input = meetingCreateInput.parse({
    kind: 'lesson_study',
    title: `Sinh hoạt chuyên môn cấp tỉnh môn ${subject}`,
    content: `Sinh hoạt chuyên môn theo nghiên cứu bài học, do ${row.provinceName} phân công (Phụ lục I, năm học ${row.schoolYearCode}).`,
    hostOrgId: row.unitOrgId,
    schoolYearId: row.schoolYearId,
    subjectIds: [row.subjectId],
    grade: row.grade,
    mode: 'hybrid',
    startsAt: `${day}T07:30:00+07:00`,
    endsAt: `${day}T11:00:00+07:00`,
  });
  const meeting = await meetingsService.create(tx, actor, input);
  await link(tx, actor, id, meeting.id);
  return meeting;
}
