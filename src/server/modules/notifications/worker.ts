import type { AppContext } from '../../lib/context';
import { withPublicUrl } from './mailText';
import * as outboxRepo from './outboxRepo';

const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const MAX_BATCHES = 50;
const MAX_BACKOFF_MS = 6 * 3_600_000;

/** Wait before the attempt after `attempts` failed ones: base, 2×base, 4×base… at most 6 hours. */
export function backoffMs(attempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Sends the due e-mails of the outbox over SMTP. Each row is claimed first (see claimDue), so several processes can
 * work the same outbox; a failed send is due again after a back-off, and after OUTBOX_MAX_ATTEMPTS it is marked
 * failed (visible to admins, who may queue it again). Returns how many were sent and how many failed this run.
 */
export async function workOutbox(ctx: AppContext, now: Date): Promise<{ sent: number; failed: number }> {
  const db = ctx.database.db;
  const result = { sent: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await outboxRepo.claimDue(db, now, BATCH, LEASE_MS);
    if (rows.length === 0) break;
    for (const row of rows) {
      try {
        await ctx.mailer.send({
          to: row.toAddress,
          subject: row.subject,
          text: withPublicUrl(row.text, ctx.config.publicUrl),
        });
        await outboxRepo.markSent(db, row.id, now);
        result.sent++;
      } catch (err) {
        const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
        const giveUp = row.attempts >= ctx.config.outboxMaxAttempts;
        const retryAt = giveUp ? null : new Date(now.getTime() + backoffMs(row.attempts, ctx.config.outboxRetrySeconds));
        await outboxRepo.markFailedAttempt(db, row.id, message, retryAt);
        result.failed++;
      }
    }
    if (rows.length < BATCH) break;
  }
  return result;
}
