import type { PanelEntryInput, PanelScoreInput } from '../../../shared/panels';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { vnShortDate, vnTime } from '../../lib/documents/vnDate';
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors';
import { readable as readableMaterial } from '../materials/service';
import { requireNameable } from '../orgs/naming';
import * as orgsRepo from '../orgs/repo';
import { authorize } from './policy';
import { selectionProblem } from './ranking';
import * as repo from './repo';
import { load, ranking } from './service';

const invalid = (message: string) => new AppError('INVALID_STATE', { params: { message } });

/** A team submits (or, until scored, replaces) its dossier and video report, before the deadline, naming its presenters. */
export async function submitEntry(tx: Executor, actor: Actor, eventId: string, v: PanelEntryInput): Promise<string> {
  const { row, entries } = await load(tx, actor, eventId, true);
  const e = row.e;
  const team = await orgsRepo.findById(tx, v.teamOrgId);
  if (team?.type !== 'team') throw fieldError('teamOrgId', 'Tổ chuyên môn không tồn tại');
  const teamChain = await orgsRepo.ancestorChain(tx, v.teamOrgId, todayIso());
  if (!teamChain.includes(e.organiserOrgId)) throw fieldError('teamOrgId', 'Tổ chuyên môn không thuộc đơn vị tổ chức hội thi');
  authorize(actor, 'submitEntry', { teamChain });
  if (e.selectedAt) throw invalid('Tổ điều hành đã chọn xong, không nhận thêm hồ sơ');
  if (new Date() > e.submissionDeadline)
    throw invalid(
      `Đã quá hạn nộp hồ sơ (hạn: ${vnTime(e.submissionDeadline)} ngày ${vnShortDate(e.submissionDeadline)}), không nhận hồ sơ nộp muộn`,
    );
  const previous = entries.find((x) => x.entry.teamOrgId === v.teamOrgId)?.entry;
  if (previous && (await repo.scoresOf(tx, eventId)).some((s) => s.entryId === previous.id))
    throw invalid(`Tổ điều hành đã chấm hồ sơ của ${team.name}, không thay được nữa`);
  const presenters = await repo.peopleByIds(tx, [...new Set(v.presenterIds)]);
  if (presenters.length !== new Set(v.presenterIds).size) throw fieldError('presenterIds', 'Có người báo cáo không tồn tại');
  await requireNameable(tx, actor, [{ field: 'presenterIds', personIds: v.presenterIds }], [v.teamOrgId]);
  for (const [i, d] of v.dossier.entries()) {
    if (d.materialId)
      await readableMaterial(tx, actor, d.materialId).catch(() => {
        throw fieldError(`dossier.${i}.materialId`, `Hồ sơ (mục ${i + 1}): học liệu không tồn tại hoặc bạn không được xem`);
      });
  }
  const items = v.dossier.map((d) => ({ part: d.part, title: d.title, url: d.url ?? null, materialId: d.materialId ?? null }));
  const entry = { presenterIds: [...new Set(v.presenterIds)], items, submittedBy: actor.personId };
  // Before the deadline and before any member has scored it, a team may replace its entry (the last one counts).
  const { id } = previous
    ? await repo.replaceEntry(tx, previous.id, entry)
    : await repo.insertEntry(tx, { eventId, teamOrgId: v.teamOrgId, ...entry });
  await audit(tx, actor, {
    action: previous ? 'resubmit' : 'submit',
    entityType: 'panel_entry',
    entityId: id,
    orgId: v.teamOrgId,
    before: previous ? { presenterIds: previous.presenterIds, items: previous.items } : undefined,
    after: { eventId, ...entry },
  });
  return id;
}

/**
 * A panel member scores one entry alone: every criterion of the event's rubric, within its maximum. A submitted score is
 * final (members see the others' scores only after submitting all of theirs, so they cannot adjust to them).
 */
export async function score(tx: Executor, actor: Actor, eventId: string, entryId: string, v: PanelScoreInput): Promise<void> {
  const { row, scope, entries, rubric } = await load(tx, actor, eventId, true);
  authorize(actor, 'score', scope);
  if (!entries.some((x) => x.entry.id === entryId)) throw notFound('hồ sơ dự thi');
  if (row.e.selectedAt) throw invalid('Tổ điều hành đã chọn xong, không chấm thêm');
  const mine = await repo.scoresOf(tx, eventId);
  if (mine.some((s) => s.entryId === entryId && s.memberId === actor.personId))
    throw invalid('Bạn đã nộp điểm cho tổ này; điểm đã nộp không sửa được');
  const criteria = rubric.groups.flatMap((g) => g.criteria);
  const fields: FieldError[] = [];
  for (const c of criteria) {
    const p = v.points[c.key];
    if (p === undefined) fields.push({ field: `points.${c.key}`, message: `Tiêu chí «${c.title}» chưa có điểm` });
    else if (p > c.maxPoints) fields.push({ field: `points.${c.key}`, message: `Tiêu chí «${c.title}»: tối đa ${c.maxPoints} điểm` });
  }
  for (const k of Object.keys(v.points))
    if (!criteria.some((c) => c.key === k)) fields.push({ field: `points.${k}`, message: `Không có tiêu chí «${k}» trong bộ tiêu chí` });
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  const total = Math.round(criteria.reduce((s, c) => s + (v.points[c.key] ?? 0), 0) * 100) / 100;
  await repo.insertScore(tx, { entryId, eventId, memberId: actor.personId, points: v.points, total, comment: v.comment ?? null });
  await audit(tx, actor, { action: 'score', entityType: 'panel_entry', entityId: entryId, orgId: row.e.organiserOrgId, after: { total } });
}

/** The head selects at most N entries for the next level, once every member has scored every entry, following the ranking. */
export async function select(tx: Executor, actor: Actor, eventId: string, entryIds: string[]): Promise<void> {
  const loaded = await load(tx, actor, eventId, true);
  const { row, scope, entries } = loaded;
  authorize(actor, 'select', scope);
  if (row.e.selectedAt) throw invalid('Tổ điều hành đã chọn xong');
  const scores = await repo.scoresOf(tx, eventId);
  const missing = scope.memberIds.length * entries.length - scores.length;
  if (missing > 0) throw invalid(`Còn ${missing} phiếu chấm chưa nộp: chỉ chọn khi mọi thành viên đã chấm mọi tổ`);
  const chosen = new Set(entryIds);
  if ([...chosen].some((id) => !entries.some((x) => x.entry.id === id))) throw fieldError('entryIds', 'Có tổ không thuộc hội thi này');
  const problem = selectionProblem(await ranking(tx, loaded), chosen, row.e.selectCount);
  if (problem) throw fieldError('entryIds', problem);
  await repo.setSelection(tx, eventId, [...chosen]);
  await audit(tx, actor, {
    action: 'select',
    entityType: 'panel_event',
    entityId: eventId,
    orgId: row.e.organiserOrgId,
    after: { entryIds: [...chosen] },
  });
}
