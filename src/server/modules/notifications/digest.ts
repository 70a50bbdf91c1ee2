import type { AppContext } from '../../lib/context';
import { todayIso } from '../../lib/dates';
import { inTransaction } from '../../lib/tx';
import { digestMail } from './mailText';
import * as outboxRepo from './outboxRepo';
import * as repo from './repo';

/** Vietnam's hour of the day (UTC+7) at `now`. */
function vnHour(now: Date): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCHours();
}

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * From DIGEST_HOUR (Vietnam time) on, gathers each person's notices kept for the digest into one e-mail a day
 * (dedupe key digest:<person>:<day>, so a day's digest is queued once even across restarts). Notices that arrive
 * after the day's digest wait for the next one. Returns how many digests were queued.
 */
export async function buildDigests(ctx: AppContext, now: Date): Promise<number> {
  if (vnHour(now) < ctx.config.digestHour) return 0;
  const day = todayIso(now);
  let queued = 0;
  for (const personId of await repo.digestPeople(ctx.database.db, now)) {
    queued += await inTransaction(ctx, async (tx) => {
      const items = await repo.digestNotices(tx, personId, now);
      if (items.length === 0) return 0;
      const person = (await repo.recipientsOf(tx, [personId])).get(personId);
      if (!person?.email) {
        await repo.markDigested(
          tx,
          items.map((i) => i.id),
          now,
        );
        return 0;
      }
      const mail = digestMail(person.fullName, ddmmyyyy(day), items);
      const keys = await outboxRepo.enqueue(tx, [
        { dedupeKey: `digest:${personId}:${day}`, personId, toAddress: person.email, ...mail, nextAttemptAt: now },
      ]);
      if (keys.length === 0) return 0;
      await repo.markDigested(
        tx,
        items.map((i) => i.id),
        now,
      );
      return 1;
    });
  }
  return queued;
}
