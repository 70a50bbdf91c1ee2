import type { NotificationList } from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { notifyPeople } from './notify';
import * as repo from './repo';

/** Kinds of in-app notice sent about meetings. */
export type NoticeKind = 'meeting_invited' | 'meeting_scheduled' | 'meeting_changed' | 'meeting_postponed' | 'meeting_cancelled';

/**
 * Tells people of an event (inside the caller's transaction): in-app notice, and e-mail by their preferences; the
 * actor is not told of their own act. See notify.ts `notifyPeople` for dedupe keys.
 */
export async function notify(
  tx: Executor,
  personIds: string[],
  n: { kind: NoticeKind | string; title: string; body?: string | null; link?: string | null; dedupeKey?: string },
  except?: string,
): Promise<void> {
  await notifyPeople(tx, { personIds, ...n, except });
}

/** The actor's latest notices (or only the unread ones) and the unread count. */
export async function listMine(db: Executor, actor: Actor, unreadOnly: boolean): Promise<NotificationList> {
  const [rows, unread] = [await repo.listOf(db, actor.personId, unreadOnly, 50), await repo.unreadCount(db, actor.personId)];
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt ? r.readAt.toISOString() : null,
    })),
    unread,
  };
}

/** Marks one of the actor's notices read (404 for someone else's). */
export async function markRead(tx: Executor, actor: Actor, id: string): Promise<void> {
  if (!(await repo.markRead(tx, actor.personId, id))) throw notFound('thông báo');
}

/** Marks all the actor's notices read. */
export async function markAllRead(tx: Executor, actor: Actor): Promise<void> {
  await repo.markAllRead(tx, actor.personId);
}
