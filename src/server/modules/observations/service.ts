import type { AnalysisView, NoteInput, NoteView, ObservationTag, SeatLayout } from '../../../shared/lessonStudy';
import { seatIds } from '../../../shared/lessonStudy';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, type FieldError, notFound } from '../../lib/errors';
import { viDate } from '../../lib/format';
import { loadStudy, requireOpen, type StudyAccess } from '../lessonStudy/access';
import { authorize, canReadNote } from './policy';
import * as repo from './repo';

/** Shapes a note for the actor. */
export function shape(actor: Actor, r: { n: repo.NoteRow; observerName: string }): NoteView {
  return {
    id: r.n.id,
    meetingId: r.n.meetingId,
    observerId: r.n.observerId,
    observerName: r.observerName,
    observedAt: r.n.observedAt.toISOString(),
    text: r.n.body,
    tags: r.n.tags as ObservationTag[],
    seat: r.n.seat,
    shared: r.n.sharedAt !== null,
    hasPhoto: r.n.photoKey !== null,
    mine: r.n.observerId === actor.personId,
  };
}

/** The actor's own notes of a lesson. */
export async function mine(db: Executor, actor: Actor, meetingId: string): Promise<NoteView[]> {
  await loadStudy(db, actor, meetingId);
  return (await repo.notesOf(db, meetingId, actor.personId)).map((r) => shape(actor, r));
}

/** "07:30 15/10/2024" in Vietnam time. */
function viDateTime(d: Date): string {
  return `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16)} ${viDate(todayIso(d))}`;
}

/** Checks a note's time against the meeting and its seat against the seating map; all problems at once. */
function check(s: StudyAccess, input: NoteInput): void {
  const fields: FieldError[] = [];
  const at = new Date(input.observedAt).getTime();
  if (at < s.meeting.startsAt.getTime() || at > s.meeting.endsAt.getTime()) {
    fields.push({
      field: 'observedAt',
      message: `«Thời điểm ghi» phải trong thời gian buổi sinh hoạt (${viDateTime(s.meeting.startsAt)} – ${viDateTime(s.meeting.endsAt)})`,
    });
  }
  if (input.seat && !seatIds((s.study.seatLayout as SeatLayout | null) ?? null).includes(input.seat)) {
    fields.push({ field: 'seat', message: `«Chỗ ngồi» «${input.seat}» không có trong sơ đồ lớp` });
  }
  if (!input.text && input.tags.length === 0 && !input.seat) {
    fields.push({ field: 'text', message: '«Nội dung ghi chép» không được để trống' });
  }
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
}

/**
 * Stores a note by the id its browser gave it: the first send creates it, every later send (a retry after a lost
 * answer, or an edit) changes the same row. A note id of another observer, or of another meeting, is refused.
 */
export async function upsert(tx: Executor, actor: Actor, id: string, input: NoteInput): Promise<{ created: boolean }> {
  const s = await loadStudy(tx, actor, input.meetingId);
  requireOpen(s);
  check(s, input);
  const values = { observedAt: new Date(input.observedAt), body: input.text, tags: input.tags, seat: input.seat ?? null };
  const created = await repo.insertNote(tx, { id, meetingId: input.meetingId, observerId: actor.personId, ...values });
  if (!created) {
    const existing = await repo.lockNote(tx, id);
    authorize(actor, 'write', existing);
    if (existing?.meetingId !== input.meetingId) throw new AppError('CONFLICT');
    await repo.updateNote(tx, id, values);
  }
  await audit(tx, actor, {
    action: created ? 'observation.create' : 'observation.update',
    entityType: 'observation',
    entityId: id,
    orgId: s.meeting.hostOrgId,
  });
  return { created };
}

/** A note the actor may read (its observer, or the study group once shared), with its study. */
export async function readable(db: Executor, actor: Actor, id: string): Promise<{ note: repo.NoteRow; study: StudyAccess }> {
  const note = await repo.findNote(db, id);
  if (!note) throw notFound('ghi chép quan sát');
  const study = await loadStudy(db, actor, note.meetingId);
  if (!canReadNote(actor, note)) throw notFound('ghi chép quan sát');
  return { note, study };
}

/** One note as the actor sees it (its observer, or the group once shared). */
export async function one(db: Executor, actor: Actor, id: string): Promise<NoteView> {
  const { note } = await readable(db, actor, id);
  const row = await repo.withName(db, note.id);
  return shape(actor, row ?? { n: note, observerName: '' });
}

/** The observer's own note (locked), for changes; 403 for anyone else. */
export async function own(tx: Executor, actor: Actor, id: string): Promise<{ note: repo.NoteRow; study: StudyAccess }> {
  const note = await repo.lockNote(tx, id);
  if (!note) throw notFound('ghi chép quan sát');
  const study = await loadStudy(tx, actor, note.meetingId);
  authorize(actor, 'write', note);
  return { note, study };
}

/** "Chia sẻ với nhóm": one note, or (without id) all the actor's notes of the lesson. */
export async function share(tx: Executor, actor: Actor, q: { noteId?: string; meetingId?: string }): Promise<number> {
  if (q.noteId) {
    const { note, study } = await own(tx, actor, q.noteId);
    if (note.sharedAt) return 0;
    await repo.updateNote(tx, note.id, { sharedAt: new Date() });
    await audit(tx, actor, { action: 'observation.share', entityType: 'observation', entityId: note.id, orgId: study.meeting.hostOrgId });
    return 1;
  }
  const meetingId = q.meetingId ?? '';
  const s = await loadStudy(tx, actor, meetingId);
  const n = await repo.shareAll(tx, meetingId, actor.personId);
  await audit(tx, actor, {
    action: 'observation.shareAll',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: s.meeting.hostOrgId,
    after: { n },
  });
  return n;
}

/** The post-lesson analysis: every shared note on one timeline, and counts per seat of the map. */
export async function analysis(db: Executor, actor: Actor, meetingId: string): Promise<AnalysisView> {
  const { study } = await loadStudy(db, actor, meetingId);
  const notes = (await repo.sharedNotes(db, meetingId)).map((r) => shape(actor, r));
  const seatCounts: Record<string, number> = {};
  for (const n of notes) if (n.seat) seatCounts[n.seat] = (seatCounts[n.seat] ?? 0) + 1;
  return { layout: (study.seatLayout as SeatLayout | null) ?? null, notes, seatCounts };
}
