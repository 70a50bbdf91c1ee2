import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { localityOf } from '../../lib/documents/locality';
import { renderPanelResults } from '../../lib/documents/panelResults';
import { authorize } from './policy';
import * as repo from './repo';
import { load, ranking } from './service';

/** The tie-break rule, as printed on the event page and in the document. */
export const TIE_BREAK =
  'khi bằng điểm, xếp trên là tổ có điểm trung bình phần thứ nhất của bộ tiêu chí (hồ sơ) cao hơn, rồi đến phần thứ hai (báo cáo video clip); bằng nhau cả các phần thì đồng hạng';

/** The panel's results (ranking and selection) as a DOCX, for organisers and members who have scored every entry. */
export async function resultsDocx(db: Executor, actor: Actor, id: string): Promise<{ fileName: string; data: Buffer }> {
  const loaded = await load(db, actor, id);
  authorize(actor, 'results', loaded.scope);
  const { row, rubric, scope } = loaded;
  const [head] = await repo.peopleByIds(db, [row.e.headPersonId]);
  const ranked = await ranking(db, loaded);
  const data = await renderPanelResults({
    body: { name: 'Tổ điều hành', parent: row.organiserName },
    place: localityOf(row.organiserName)?.place ?? null,
    issuedOn: todayIso(),
    eventTitle: row.e.title,
    eventDate: row.e.eventDate,
    groupTitles: rubric.groups.map((g) => g.title),
    maxTotal: rubric.groups.reduce((s, g) => s + g.criteria.reduce((t, c) => t + c.maxPoints, 0), 0),
    memberCount: scope.memberIds.length,
    selectCount: row.e.selectCount,
    tieBreak: TIE_BREAK,
    rows: ranked,
    recipients: [row.organiserName, 'Các trường có tổ chuyên môn dự thi', 'Lưu: VT'],
    signature: { authority: 'TM. Tổ điều hành', title: 'Tổ trưởng', name: head?.fullName ?? null },
  });
  return { fileName: `Ket-qua-to-dieu-hanh-${row.e.eventDate}.docx`, data };
}
