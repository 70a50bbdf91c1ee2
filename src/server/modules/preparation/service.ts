import type { PreparationInput, PreparationView } from '../../../shared/preparation';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import { preparationDue } from '../notifications/eventDeadlines';
import * as programme from '../programme/service';
import { effectiveRules } from '../rules/effective';
import { authorize } from './policy';
import * as repo from './repo';

const invalid = (message: string) => new AppError('INVALID_STATE', { params: { message } });

/** The preparation report of an assignment (readers of the assignment; 404/403 as the assignment). */
export async function get(db: Executor, actor: Actor, assignmentId: string): Promise<PreparationView> {
  const a = await programme.get(db, actor, assignmentId);
  const meeting = a.meeting;
  if (!meeting) return { assignmentId, meetingId: null, dueDate: null, submitted: null, can: { submit: false } };
  const [sent, rules] = await Promise.all([repo.find(db, assignmentId, meeting.id), effectiveRules(db, a.provinceOrgId, a.schoolYearId)]);
  const open = !['cancelled', 'held', 'minutes_locked'].includes(meeting.status);
  return {
    assignmentId,
    meetingId: meeting.id,
    dueDate: preparationDue(new Date(meeting.startsAt), rules.preparationDaysBefore),
    submitted: sent ? { at: sent.r.submittedAt.toISOString(), byName: sent.byName, notes: sent.r.note } : null,
    can: { submit: a.can.link && open && !sent },
  };
}

/** The unit's managers (or office staff above it) record that the plan and preparation report were sent to the Sở. */
export async function submit(tx: Executor, actor: Actor, assignmentId: string, v: PreparationInput): Promise<void> {
  const a = await programme.get(tx, actor, assignmentId);
  authorize(actor, 'submit', { canLinkAssignment: a.can.link });
  const meeting = a.meeting;
  if (!meeting) throw invalid('Phân công chưa gắn buổi sinh hoạt chuyên môn: hãy gắn buổi trước khi gửi báo cáo chuẩn bị');
  if (['cancelled', 'held', 'minutes_locked'].includes(meeting.status))
    throw invalid('Buổi sinh hoạt chuyên môn đã diễn ra hoặc đã hủy, không gửi báo cáo chuẩn bị');
  const notes = v.notes ?? null;
  const stored = await repo.insert(tx, { assignmentId, meetingId: meeting.id, note: notes, submittedBy: actor.personId });
  if (!stored) throw invalid('Đơn vị đã gửi kế hoạch và báo cáo chuẩn bị cho buổi này');
  await audit(tx, actor, {
    action: 'submit_preparation',
    entityType: 'assignment',
    entityId: assignmentId,
    orgId: a.unitOrgId,
    after: { meetingId: meeting.id, notes },
  });
}
