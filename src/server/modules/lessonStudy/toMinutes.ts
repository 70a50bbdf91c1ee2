import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import * as minutesRepo from '../minutes/repo';
import { assertEditable, saveText } from '../minutes/service';
import { loadStudy } from './access';
import { authorize } from './policy';
import { requireAnalysis } from './service';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One stage of the discussion as minutes HTML: a bold heading, then the text with its line breaks. */
function stage(heading: string, text: string): string {
  if (!text) return '';
  return `<p><strong>${heading}</strong></p><p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;
}

/** The analysis as a block of the minutes' discussion, in the guided order. */
export function analysisHtml(a: { teacherShare: string; evidence: string; expertView: string }): string {
  return [
    '<p><strong><u>Phân tích bài học (nghiên cứu bài học)</u></strong></p>',
    stage('1. Giáo viên dạy minh họa chia sẻ', a.teacherShare),
    stage('2. Minh chứng từ phiếu quan sát học sinh', a.evidence),
    stage('3. Ý kiến chuyên gia, khách mời', a.expertView),
  ].join('');
}

/**
 * "Đưa vào biên bản": appends the analysis to the minutes' discussion through the minutes service, which refuses once
 * the minutes are being signed or locked (and the database refuses any change to locked minutes).
 */
export async function analysisToMinutes(tx: Executor, actor: Actor, meetingId: string): Promise<void> {
  const { facts, study } = await loadStudy(tx, actor, meetingId);
  authorize(actor, 'toMinutes', facts);
  // The minutes' state first: out for signing or locked, nothing more goes into them (decision 0024).
  const current = await minutesRepo.findByMeeting(tx, meetingId);
  assertEditable(current);
  const analysis = { teacherShare: study.analysisTeacher, evidence: study.analysisEvidence, expertView: study.analysisExpert };
  requireAnalysis(analysis);
  await saveText(tx, actor, meetingId, {
    discussion: `${current?.discussion ?? ''}${analysisHtml(analysis)}`,
    recommendations: current?.recommendations ?? '',
  });
}
