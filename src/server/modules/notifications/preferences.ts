import {
  defaultChannels,
  type NoticeChannel,
  type NotificationPreferencesInput,
  type NotificationPreferencesView,
  noticeCategories,
} from '../../../shared/notifications';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { fieldError } from '../../lib/errors';
import * as repo from './repo';

/** The actor's channel for each category (stored, else the default) and the address mail goes to. */
export async function getMine(db: Executor, actor: Actor, digestHour: number): Promise<NotificationPreferencesView> {
  const stored = new Map((await repo.preferencesOf(db, [actor.personId])).map((p) => [p.category, p.channel as NoticeChannel]));
  const email = (await repo.recipientsOf(db, [actor.personId])).get(actor.personId)?.email ?? null;
  return {
    email,
    digestHour,
    preferences: noticeCategories.map((category) => ({
      category,
      channel: stored.get(category) ?? defaultChannels[category],
      isDefault: !stored.has(category),
    })),
  };
}

/** Stores the actor's channels for the categories given (each category once). */
export async function setMine(
  tx: Executor,
  actor: Actor,
  input: NotificationPreferencesInput,
  digestHour: number,
): Promise<NotificationPreferencesView> {
  const seen = new Set<string>();
  input.preferences.forEach((p, i) => {
    if (seen.has(p.category)) throw fieldError(`preferences.${i}.category`, `«Loại thông báo» bị lặp: ${p.category}`);
    seen.add(p.category);
  });
  const before = await getMine(tx, actor, digestHour);
  await repo.upsertPreferences(tx, actor.personId, input.preferences);
  const after = await getMine(tx, actor, digestHour);
  await audit(tx, actor, {
    action: 'update',
    entityType: 'notification_preferences',
    entityId: actor.personId,
    orgId: null,
    before: before.preferences,
    after: after.preferences,
  });
  return after;
}
