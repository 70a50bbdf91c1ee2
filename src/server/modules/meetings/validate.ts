import type { MeetingMode } from '../../../shared/enums';
import type { MeetingUpdate } from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import { AppError, type FieldError, fieldError } from '../../lib/errors';
import * as networksRepo from '../networks/repo';
import * as repo from './repo';

/** Vietnam has one offset all year (UTC+7). */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The Vietnam-time day (YYYY-MM-DD) of an instant. */
export function localDay(d: Date | string): string {
  return new Date(new Date(d).getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam-time clock (HH:MM) of an instant. */
export function localClock(d: Date | string): string {
  return new Date(new Date(d).getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/** An instant from a Vietnam-time day and clock. */
export function vnInstant(day: string, clock: string): Date {
  return new Date(`${day}T${clock.slice(0, 5)}:00+07:00`);
}

const hm = (t: string) => t.slice(0, 5);

/**
 * Agenda items must each end after they start, follow one another without overlap, and sit inside the meeting's time
 * (on its first day, Vietnam time).
 */
export function checkAgenda(input: Pick<MeetingUpdate, 'agenda' | 'startsAt' | 'endsAt'>): FieldError[] {
  const problems: FieldError[] = [];
  const startDay = localDay(input.startsAt);
  const start = localClock(input.startsAt);
  const end = localDay(input.endsAt) === startDay ? localClock(input.endsAt) : '24:00';
  let last = '';
  input.agenda.forEach((a, i) => {
    const s = hm(a.startsAt);
    const e = hm(a.endsAt);
    if (e <= s) problems.push({ field: `agenda.${i}.endsAt`, message: `Mục ${i + 1} của chương trình phải kết thúc sau khi bắt đầu` });
    else if (s < start || e > end)
      problems.push({
        field: `agenda.${i}.startsAt`,
        message: `Mục ${i + 1} của chương trình (${s}–${e}) nằm ngoài thời gian của buổi (${start}–${end === '24:00' ? '…' : end})`,
      });
    else if (last && s < last)
      problems.push({
        field: `agenda.${i}.startsAt`,
        message: `Mục ${i + 1} của chương trình bắt đầu trước khi mục liền trên kết thúc (${last}): hãy xếp theo thứ tự, không chồng giờ`,
      });
    if (e > s) last = e > last ? e : last;
  });
  return problems;
}

/** Venues: one central venue at most (required in person and hybrid); in person has no bridge points. */
export function checkVenues(mode: MeetingMode, venues: MeetingUpdate['venues']): FieldError[] {
  const centrals = venues.filter((v) => v.isCentral).length;
  if (centrals > 1) return [{ field: 'venues', message: 'Chỉ có một điểm cầu trung tâm' }];
  if (mode === 'in_person' && venues.some((v) => !v.isCentral))
    return [{ field: 'venues', message: 'Buổi sinh hoạt trực tiếp chỉ có một địa điểm (điểm cầu trung tâm), không có điểm cầu cơ sở' }];
  return [];
}

/** Bridge points without a link: online, every venue needs one; hybrid, every bridge point. */
export function missingLinks(
  mode: MeetingMode,
  venues: ReadonlyArray<{ isCentral: boolean; name: string; onlineUrl?: string | null }>,
): FieldError[] {
  if (mode === 'in_person') return [];
  const out: FieldError[] = [];
  venues.forEach((v, i) => {
    if ((mode === 'online' || !v.isCentral) && !v.onlineUrl)
      out.push({ field: `venues.${i}.onlineUrl`, message: `Điểm cầu «${v.name}» chưa có đường liên kết họp trực tuyến` });
  });
  if (mode === 'online' && venues.length === 0)
    out.push({ field: 'venues', message: 'Buổi trực tuyến cần ít nhất một điểm cầu có đường liên kết' });
  return out;
}

/** Checks references (orgs, people, subjects, network, school year) and the timed parts; throws one 400 with all problems. */
export async function validateMeeting(db: Executor, input: MeetingUpdate): Promise<{ schoolYearId: string; termNumber: number | null }> {
  const problems: FieldError[] = [...checkAgenda(input), ...checkVenues(input.mode, input.venues)];
  const orgIds = [input.hostOrgId, ...input.presenters.map((p) => p.orgId), ...input.venues.map((v) => v.orgId)].filter(
    (x): x is string => !!x,
  );
  const personIds = [
    input.chairPersonId,
    input.secretaryPersonId,
    ...input.presenters.map((p) => p.personId),
    ...input.agenda.map((a) => a.presenterPersonId),
  ].filter((x): x is string => !!x);
  const [knownOrgs, knownPeople, knownSubjects] = [
    await repo.existing(db, 'orgs', orgIds),
    await repo.existing(db, 'people', personIds),
    await repo.existing(db, 'subjects', input.subjectIds),
  ];
  if (!knownOrgs.has(input.hostOrgId)) problems.push({ field: 'hostOrgId', message: 'Đơn vị tổ chức không tồn tại' });
  input.presenters.forEach((p, i) => {
    if (p.orgId && !knownOrgs.has(p.orgId)) problems.push({ field: `presenters.${i}.orgId`, message: 'Tổ/đơn vị thực hiện không tồn tại' });
    if (p.personId && !knownPeople.has(p.personId))
      problems.push({ field: `presenters.${i}.personId`, message: 'Giáo viên thực hiện không tồn tại' });
  });
  input.venues.forEach((v, i) => {
    if (v.orgId && !knownOrgs.has(v.orgId)) problems.push({ field: `venues.${i}.orgId`, message: 'Đơn vị của điểm cầu không tồn tại' });
  });
  input.agenda.forEach((a, i) => {
    if (a.presenterPersonId && !knownPeople.has(a.presenterPersonId))
      problems.push({ field: `agenda.${i}.presenterPersonId`, message: 'Người trình bày không tồn tại' });
  });
  if (input.chairPersonId && !knownPeople.has(input.chairPersonId))
    problems.push({ field: 'chairPersonId', message: 'Người chủ trì không tồn tại' });
  if (input.secretaryPersonId && !knownPeople.has(input.secretaryPersonId))
    problems.push({ field: 'secretaryPersonId', message: 'Thư ký không tồn tại' });
  if (knownSubjects.size !== new Set(input.subjectIds).size) problems.push({ field: 'subjectIds', message: 'Có môn học không tồn tại' });
  if (input.networkId && !(await networksRepo.findById(db, input.networkId)))
    problems.push({ field: 'networkId', message: 'Mạng lưới không tồn tại' });
  const found = await repo.yearAndTermOn(db, localDay(input.startsAt), input.schoolYearId);
  if (!found)
    problems.push({ field: input.schoolYearId ? 'schoolYearId' : 'startsAt', message: 'Không có năm học chứa ngày sinh hoạt này' });
  else if (input.schoolYearId && (localDay(input.startsAt) < found.year.startDate || localDay(input.startsAt) > found.year.endDate))
    problems.push({ field: 'startsAt', message: `Ngày sinh hoạt nằm ngoài năm học ${found.year.code}` });
  if (problems.length || !found) throw new AppError('VALIDATION', { fields: problems });
  return { schoolYearId: found.year.id, termNumber: found.termNumber };
}

/** Refuses scheduling while a bridge point lacks its link. */
export function requireLinks(mode: MeetingMode, venues: ReadonlyArray<{ isCentral: boolean; name: string; onlineUrl?: string | null }>) {
  const missing = missingLinks(mode, venues);
  if (missing.length) throw new AppError('VALIDATION', { fields: missing });
}

export { fieldError };
