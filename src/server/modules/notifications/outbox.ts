import type { OutboxItemView, OutboxQuery } from '../../../shared/notifications';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/errors';
import * as outboxRepo from './outboxRepo';
import { authorize } from './policy';

/** The outbox for admins: the latest e-mails, e.g. the failed ones (status=failed). */
export async function list(db: Executor, actor: Actor, q: OutboxQuery): Promise<OutboxItemView[]> {
  authorize(actor, 'outbox.list');
  const rows = await outboxRepo.list(db, q.status, q.limit ?? 100);
  return rows.map((r) => ({
    id: r.id,
    dedupeKey: r.dedupeKey,
    toAddress: r.toAddress,
    subject: r.subject,
    status: r.status as OutboxItemView['status'],
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  }));
}

/** An admin puts a failed e-mail back in the queue (attempts reset, due now). */
export async function retry(tx: Executor, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'outbox.retry');
  if (!(await outboxRepo.requeue(tx, id, new Date()))) {
    if (!(await outboxRepo.exists(tx, id))) throw notFound('thư');
    throw new AppError('INVALID_STATE', { params: { message: 'Chỉ gửi lại được thư đã gửi thất bại' } });
  }
  await audit(tx, actor, { action: 'outbox.retry', entityType: 'mail_outbox', entityId: id, orgId: null });
}
