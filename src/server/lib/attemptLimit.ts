import type { Executor } from '../db/client';
import * as authRepo from '../modules/auth/repo';

/**
 * Failed-secret counting shared by the log-in and venue signing (`login_attempts`, read by every app process): a key
 * is blocked once it has `limit` failures within the last `windowMinutes`; the answer is how many minutes remain.
 */
export async function blockedForMinutes(db: Executor, key: string, limit: number, windowMinutes: number): Promise<number | null> {
  const windowMs = windowMinutes * 60_000;
  const { count, oldest } = await authRepo.countFailures(db, key, new Date(Date.now() - windowMs));
  if (count < limit) return null;
  const waitMs = (oldest ? oldest.getTime() + windowMs : Date.now() + windowMs) - Date.now();
  return Math.max(1, Math.ceil(waitMs / 60_000));
}

/** Records one failure for the key and answers how many tries remain before it is blocked. */
export async function recordFailedAttempt(db: Executor, key: string, limit: number, windowMinutes: number): Promise<number> {
  await authRepo.recordFailure(db, key);
  const { count } = await authRepo.countFailures(db, key, new Date(Date.now() - windowMinutes * 60_000));
  return Math.max(0, limit - count);
}
