import type {
  AnalysisInput,
  CompareView,
  LessonPlanInput,
  LessonPlanVersionView,
  LessonStudyView,
  SeatLayout,
} from '../../../shared/lessonStudy';
import { seatIds } from '../../../shared/lessonStudy';
import { wordDiff } from '../../../shared/wordDiff';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { contentKey } from '../../lib/files/store';
import * as minutesRepo from '../minutes/repo';
import { plainText, sanitizeRichText } from '../minutes/sanitize';
import { loadOrganised, loadStudy, requireOpen } from './access';
import { lessonStudyCan } from './policy';
import * as repo from './repo';

/** The lesson study of a meeting as its group sees it: step, versions with comments, seating map, analysis. */
export async function view(db: Executor, actor: Actor, meetingId: string): Promise<LessonStudyView> {
  const { meeting, facts, study } = await loadStudy(db, actor, meetingId);
  const rows = await repo.versionsOf(db, meetingId);
  const comments = await repo.commentsOf(
    db,
    rows.map((r) => r.v.id),
  );
  const teacher = await repo.teacherOf(db, meetingId);
  const sharedNoteCount = await repo.sharedNoteCount(db, meetingId);
  const minutes = await minutesRepo.findByMeeting(db, meetingId);
  const versions: LessonPlanVersionView[] = rows.map(({ v, createdByName }) => ({
    id: v.id,
    version: v.version,
    stage: v.stage as 'design' | 'revised',
    bodyHtml: v.bodyHtml,
    note: v.note,
    file: v.storageKey && v.fileName ? { name: v.fileName, size: v.size ?? 0 } : null,
    createdByName,
    createdAt: v.createdAt.toISOString(),
    comments: comments
      .filter((c) => c.versionId === v.id)
      .map((c) => ({ id: c.id, personName: c.personName, body: c.body, createdAt: c.createdAt.toISOString() })),
  }));
  return {
    meetingId,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    status: meeting.status,
    step: study.step,
    layout: (study.seatLayout as SeatLayout | null) ?? null,
    teacherName: teacher?.fullName ?? null,
    versions,
    sharedNoteCount,
    analysis: { teacherShare: study.analysisTeacher, evidence: study.analysisEvidence, expertView: study.analysisExpert },
    minutesLocked: minutes?.status === 'locked',
    can: lessonStudyCan(actor, facts, minutes?.status ?? 'draft'),
  };
}

/** Moves the study to a step; step 2 and later need a first lesson-plan version. */
export async function setStep(tx: Executor, actor: Actor, meetingId: string, step: number): Promise<void> {
  const { meeting, study } = await loadOrganised(tx, actor, meetingId);
  if (step >= 2 && (await repo.nextVersion(tx, meetingId)) === 1) {
    throw fieldError('step', 'Cần có ít nhất một phiên bản kế hoạch bài dạy trước khi dạy minh họa');
  }
  await repo.updateStudy(tx, meetingId, { step, updatedBy: actor.personId });
  await audit(tx, actor, {
    action: 'lessonStudy.step',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: meeting.hostOrgId,
    before: { step: study.step },
    after: { step },
  });
}

/** Any member of the group (an observer at the back of the class) draws or changes the seating map; refused when notes already point at seats the new map lacks. */
export async function setLayout(tx: Executor, actor: Actor, meetingId: string, layout: SeatLayout | null): Promise<void> {
  const s = await loadStudy(tx, actor, meetingId, true);
  requireOpen(s);
  const { meeting, study } = s;
  const seats = new Set(seatIds(layout));
  const orphans = (await repo.usedSeats(tx, meetingId)).filter((s) => !seats.has(s));
  if (orphans.length > 0) {
    throw fieldError('layout', `Sơ đồ mới thiếu ${orphans.length} chỗ ngồi đã có ghi chép; hãy giữ đủ số dãy, số bàn hoặc số nhóm`);
  }
  await repo.updateStudy(tx, meetingId, { seatLayout: layout, updatedBy: actor.personId });
  await audit(tx, actor, {
    action: 'lessonStudy.layout',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: meeting.hostOrgId,
    before: { layout: study.seatLayout },
    after: { layout },
  });
}

/** The stage a new version belongs to: the revised lesson plan at step 4, the design before. */
function stageOf(step: number): 'design' | 'revised' {
  return step >= 4 ? 'revised' : 'design';
}

/** Adds a lesson-plan version written as rich text (sanitised); earlier versions stay as they were. */
export async function addVersion(tx: Executor, actor: Actor, meetingId: string, input: LessonPlanInput): Promise<string> {
  const s = await loadStudy(tx, actor, meetingId, true);
  requireOpen(s);
  const bodyHtml = sanitizeRichText(input.bodyHtml);
  if (!plainText(bodyHtml)) throw fieldError('bodyHtml', '«Nội dung kế hoạch bài dạy» không được để trống');
  const v = await repo.insertVersion(tx, {
    meetingId,
    version: await repo.nextVersion(tx, meetingId),
    stage: stageOf(s.study.step),
    bodyHtml,
    note: input.note ?? null,
    createdBy: actor.personId,
  });
  await audit(tx, actor, {
    action: 'lessonStudy.version',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: s.meeting.hostOrgId,
    after: { id: v.id, version: v.version, stage: v.stage },
  });
  return v.id;
}

/** Adds a lesson-plan version that is an uploaded file (already stored under its hash). */
export async function addFileVersion(
  tx: Executor,
  actor: Actor,
  meetingId: string,
  f: { fileName: string; mimeType: string; size: number; sha256: string; note: string | null },
): Promise<string> {
  const s = await loadStudy(tx, actor, meetingId, true);
  requireOpen(s);
  const v = await repo.insertVersion(tx, {
    meetingId,
    version: await repo.nextVersion(tx, meetingId),
    stage: stageOf(s.study.step),
    note: f.note,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: f.size,
    storageKey: contentKey(f.sha256),
    createdBy: actor.personId,
  });
  await audit(tx, actor, {
    action: 'lessonStudy.version',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: s.meeting.hostOrgId,
    after: { id: v.id, version: v.version, fileName: f.fileName },
  });
  return v.id;
}

/** A version the actor may read (study group), for downloading its file. */
export async function readableVersion(db: Executor, actor: Actor, versionId: string): Promise<repo.VersionRow> {
  const v = await repo.findVersion(db, versionId);
  if (!v) throw notFound('phiên bản kế hoạch bài dạy');
  await loadStudy(db, actor, v.meetingId);
  return v;
}

/** A study-group member comments on a version. */
export async function addComment(tx: Executor, actor: Actor, versionId: string, body: string): Promise<void> {
  const v = await repo.findVersion(tx, versionId);
  if (!v) throw notFound('phiên bản kế hoạch bài dạy');
  const s = await loadStudy(tx, actor, v.meetingId);
  requireOpen(s);
  const c = await repo.insertComment(tx, { versionId, personId: actor.personId, body });
  await audit(tx, actor, {
    action: 'lessonStudy.comment',
    entityType: 'meeting',
    entityId: v.meetingId,
    orgId: s.meeting.hostOrgId,
    after: { id: c.id, versionId },
  });
}

/** Word-level comparison of two versions (default: the first and the latest). */
export async function compare(db: Executor, actor: Actor, meetingId: string, q: { from?: string; to?: string }): Promise<CompareView> {
  await loadStudy(db, actor, meetingId);
  const rows = (await repo.versionsOf(db, meetingId)).map((r) => r.v);
  const pick = async (id: string | undefined, fallback: repo.VersionRow | undefined, field: string) => {
    if (!id) return fallback;
    const v = await repo.versionOfMeeting(db, id, meetingId);
    if (!v) throw fieldError(field, 'Phiên bản không thuộc buổi nghiên cứu bài học này');
    return v;
  };
  const from = await pick(q.from, rows[0], 'from');
  const to = await pick(q.to, rows[rows.length - 1], 'to');
  const ref = (v: repo.VersionRow | undefined) => (v ? { id: v.id, version: v.version } : null);
  const comparable = Boolean(from?.bodyHtml !== null && to?.bodyHtml !== null && from && to);
  return {
    from: ref(from),
    to: ref(to),
    comparable,
    parts: comparable ? wordDiff(plainText(from?.bodyHtml ?? ''), plainText(to?.bodyHtml ?? '')) : [],
  };
}

/** Saves the guided analysis (the teacher first, then evidence from the notes, then the expert). */
export async function saveAnalysis(tx: Executor, actor: Actor, meetingId: string, input: AnalysisInput): Promise<void> {
  const { meeting } = await loadOrganised(tx, actor, meetingId);
  await repo.updateStudy(tx, meetingId, {
    analysisTeacher: input.teacherShare.trim(),
    analysisEvidence: input.evidence.trim(),
    analysisExpert: input.expertView.trim(),
    updatedBy: actor.personId,
  });
  await audit(tx, actor, {
    action: 'lessonStudy.analysis',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: meeting.hostOrgId,
  });
}

/** Guards used by the minutes hand-over. */
export function requireAnalysis(a: AnalysisInput): void {
  if (!a.teacherShare && !a.evidence && !a.expertView) {
    throw new AppError('INVALID_STATE', { params: { message: 'Chưa có nội dung phân tích bài học để đưa vào biên bản' } });
  }
}
