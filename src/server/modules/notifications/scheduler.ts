import type { AppContext } from '../../lib/context';
import { queueDeadlineReminders } from './deadlines';
import { buildDigests } from './digest';
import { workOutbox } from './worker';

export interface SchedulerRun {
  reminders: number;
  digests: number;
  sent: number;
  failed: number;
}

/**
 * One run of the scheduler at `now`: queues deadline reminders and overdue notices, builds the daily digests when it
 * is time, then sends the due e-mails of the outbox. Safe to run in several processes at once (dedupe keys, row claims).
 */
export async function runSchedulerOnce(ctx: AppContext, now: Date = new Date()): Promise<SchedulerRun> {
  const reminders = await queueDeadlineReminders(ctx, now);
  const digests = await buildDigests(ctx, now);
  const { sent, failed } = await workOutbox(ctx, now);
  return { reminders, digests, sent, failed };
}

/** A running scheduler: stop() waits for the tick in progress. */
export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Starts the periodic tick in this process (every SCHEDULER_INTERVAL_SECONDS; 0 = off). Ticks never overlap; a failed
 * tick is logged and the next one tries again.
 */
export function startScheduler(ctx: AppContext, log: (err: unknown) => void = console.error): Scheduler {
  const seconds = ctx.config.schedulerIntervalSeconds;
  if (seconds <= 0) return { stop: async () => undefined };
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runSchedulerOnce(ctx)
      .catch(log)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  setTimeout(tick, 1000).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
