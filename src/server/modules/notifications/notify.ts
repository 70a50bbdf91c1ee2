import { categoryOf, defaultChannels, type NoticeCategory, type NoticeChannel } from '../../../shared/notifications';
import type { Executor } from '../../db/client';
import { noticeMail } from './mailText';
import * as outboxRepo from './outboxRepo';
import * as repo from './repo';

/** One notice to several people. */
export interface NoticeInput {
  personIds: string[];
  /** meeting_invited, minutes_signature, plan_approved, report_returned, deadline_plan_7d… (decides the category). */
  kind: string;
  title: string;
  body?: string | null;
  /** Path in the web app, e.g. `/plans/<id>`; the e-mail links to config.publicUrl + link. */
  link?: string | null;
  /**
   * Makes the notice unique per person, so it is never stored or mailed twice (also across restarts and processes):
   * `{person}` in the key is replaced by the person's id, else `:<personId>` is appended.
   */
  dedupeKey?: string;
  /** A person not to tell (the actor, of their own act). */
  except?: string;
  /** Creation time (the scheduler passes its clock); default now. */
  at?: Date;
}

const MODE: Record<NoticeChannel, 'none' | 'now' | 'digest'> = { in_app: 'none', email_now: 'now', email_digest: 'digest' };

/** Each person's channel for one category: their stored preference, else the default. */
export async function channelsFor(db: Executor, personIds: string[], category: NoticeCategory): Promise<Map<string, NoticeChannel>> {
  const stored = (await repo.preferencesOf(db, personIds)).filter((p) => p.category === category);
  const byPerson = new Map(stored.map((p) => [p.personId, p.channel as NoticeChannel]));
  return new Map(personIds.map((id) => [id, byPerson.get(id) ?? defaultChannels[category]]));
}

function keyFor(base: string, personId: string): string {
  return base.includes('{person}') ? base.replaceAll('{person}', personId) : `${base}:${personId}`;
}

/**
 * Tells people something, inside the caller's transaction: an in-app notice each, and by the person's preference an
 * e-mail queued in the outbox now, or the notice kept for the daily digest. With a dedupe key a person gets the notice
 * at most once. Returns how many notices were stored.
 */
export async function notifyPeople(tx: Executor, n: NoticeInput): Promise<number> {
  const personIds = [...new Set(n.personIds)].filter((p) => p !== n.except);
  if (personIds.length === 0) return 0;
  const channels = await channelsFor(tx, personIds, categoryOf(n.kind));
  const who = await repo.recipientsOf(tx, personIds);
  const body = n.body ?? null;
  const link = n.link ?? null;
  const inserted = await repo.insertMany(
    tx,
    personIds.map((personId) => ({
      personId,
      kind: n.kind,
      title: n.title.slice(0, 500),
      body,
      link,
      dedupeKey: n.dedupeKey ? keyFor(n.dedupeKey, personId) : null,
      emailMode: who.get(personId)?.email ? MODE[channels.get(personId) ?? 'in_app'] : 'none',
      ...(n.at ? { createdAt: n.at } : {}),
    })),
  );
  const mails = inserted
    .filter((row) => row.emailMode === 'now')
    .map((row) => {
      const person = who.get(row.personId);
      const mail = noticeMail(person?.fullName ?? '', { title: row.title, body, link });
      return {
        dedupeKey: `mail:${row.dedupeKey ?? `notice:${row.id}`}`,
        personId: row.personId,
        toAddress: person?.email ?? '',
        ...mail,
        ...(n.at ? { nextAttemptAt: n.at } : {}),
      };
    });
  await outboxRepo.enqueue(tx, mails);
  return inserted.length;
}
