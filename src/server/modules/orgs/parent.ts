import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { fieldError } from '../../lib/errors';
import { dayBefore, viDate } from '../../lib/format';
import { authorize, canMoveUnder } from './policy';
import * as repo from './repo';
import { checkParent, mustFind } from './service';

/**
 * Changing an org's parent from a date (issue 16, point 1): the open link ends on the day before `from` and, when a new
 * parent is named, a link to it starts on `from`; history is kept. Authorised on the org and its old parent as they
 * stood on the link's last day (an office ended by the reform still reaches the Sở through that day), and on the new
 * parent as it stands on `from` (or today, whichever is later). `dateField` names the date in error messages.
 */
export async function setParent(
  tx: Executor,
  actor: Actor,
  id: string,
  input: { parentId?: string | null; from: string },
  dateField = 'from',
) {
  const org = await mustFind(tx, id);
  const today = todayIso();
  const lastDay = dayBefore(input.from);
  const oldAt = lastDay < today ? lastDay : today;
  const open = await repo.openLink(tx, id);
  authorize(actor, 'move', { chain: await repo.ancestorChain(tx, id, oldAt), type: org.type });
  if (open) {
    const old = await mustFind(tx, open.parentId);
    if (!canMoveUnder(actor, await repo.ancestorChain(tx, old.id, oldAt), old.type))
      throw fieldError('parentId', 'Bạn không quản lý đơn vị cấp trên hiện tại');
    if (open.validFrom >= input.from) {
      throw fieldError(dateField, `Ngày chuyển phải sau ${viDate(open.validFrom)}, ngày bắt đầu trực thuộc hiện tại`);
    }
  } else if (!input.parentId) throw fieldError('parentId', 'Đơn vị không có đơn vị cấp trên đang hiệu lực để kết thúc');
  if (org.validTo && org.validTo < input.from && input.parentId)
    throw fieldError(
      dateField,
      `Đơn vị đã kết thúc ngày ${viDate(org.validTo)}, không thể trực thuộc đơn vị khác từ ${viDate(input.from)}`,
    );
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await checkParent(tx, input.parentId, org.type);
    if (parent.validTo && parent.validTo < input.from)
      throw fieldError('parentId', `Đơn vị cấp trên mới đã kết thúc ngày ${viDate(parent.validTo)}`);
    if (parent.validFrom && parent.validFrom > input.from)
      throw fieldError('parentId', `Đơn vị cấp trên mới chỉ có từ ngày ${viDate(parent.validFrom)}`);
    const parentChain = await repo.ancestorChain(tx, parent.id, input.from > today ? input.from : today);
    if (!canMoveUnder(actor, parentChain, parent.type)) throw fieldError('parentId', 'Bạn không quản lý đơn vị cấp trên mới');
    const parentChainThen = await repo.ancestorChain(tx, parent.id, input.from);
    if (parentChain.includes(id) || parentChainThen.includes(id))
      throw fieldError('parentId', 'Không thể chuyển đơn vị vào chính cấp dưới của nó');
    if (open?.parentId === parent.id) throw fieldError('parentId', 'Đơn vị đang trực thuộc đơn vị này');
    parentId = parent.id;
  }
  if (open) await repo.closeLink(tx, open.id, lastDay);
  const link = parentId ? await repo.insertLink(tx, { orgId: id, parentId, validFrom: input.from }) : null;
  await audit(tx, actor, {
    action: 'move',
    entityType: 'org',
    entityId: id,
    orgId: id,
    before: open ? { parentId: open.parentId, validFrom: open.validFrom } : null,
    after: link ? { parentId: link.parentId, validFrom: link.validFrom } : { parentId: null, endedOn: lastDay },
  });
  return org;
}
