import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client';

/**
 * Answers kept while the data they were computed from has not changed (decisions 0019 and 0030).
 *
 * The database keeps data marks per scope (table data_marks, migrations 0016 and 0023): in each writing transaction a
 * trigger adds one to the marks of what the write can change — a write about a meeting to 'all', to every org that
 * hosts it, supervises its network or is a member of it (and every org above them), and to its network; any other
 * counted write to '*' — so the marks and the rows they count become visible together, and a mark only grows. The
 * mark of a question is the sum of the marks of its scope and '*' (readDataMark), read before its computation
 * begins; an answer is kept with it. Such an answer holds every write of its scope committed before that mark was
 * read, so it is served to any caller whose mark (same scope) is the same or older. A write in the scope committed
 * since moved the mark past it: the next caller computes afresh. A write elsewhere leaves the mark, and the answer, as
 * they were.
 *
 * One computation at a time per question: callers whose mark the running computation covers (same or older) share
 * it; callers with a newer mark wait for it to end and then share one new computation, started at the mark read at
 * that moment (which covers all of theirs). Under a steady stream of writes in a scope its questions are thus computed
 * back to back, never many times at once, and each caller waits at most two computations.
 *
 * So `compute` must read from the database everything its answer depends on: a caller's computation may be the one
 * shared by later callers, started after they read newer marks. Values read before the call and closed over would be
 * older than the mark the answer is kept at. Only what the key itself names may come from outside.
 *
 * Entries also expire after maxAgeMs (a database restored under a running process may bring an old mark back) and
 * the least recently used go beyond maxEntries. A failure reaches the callers that shared it and is not kept. Values
 * are shared between callers: never change one.
 */
export class MarkedCache<T> {
  private readonly kept = new WeakMap<object, Map<string, { mark: string; at: number; value: T }>>();
  private readonly slots = new WeakMap<object, Map<string, Slot<T>>>();
  private readonly readMark: (db: Executor, scope: MarkScope) => Promise<Mark>;
  /** How many computations this cache started (for tests: an answer served without one was a kept one). */
  computations = 0;

  constructor(
    private readonly options: { maxEntries: number; maxAgeMs: number; readMark?: (db: Executor, scope: MarkScope) => Promise<Mark> },
  ) {
    this.readMark = options.readMark ?? readDataMark;
  }

  /** The answer for key at mark on db: kept or running, else computed (and kept). The key must name the mark's scope. */
  async get(db: Executor, key: string, at: Mark, compute: () => Promise<T>): Promise<T> {
    const mark = at.value;
    const table = tableOf(this.kept, db);
    const kept = table.get(key);
    if (kept && covers(kept.mark, mark) && Date.now() - kept.at < this.options.maxAgeMs) {
      table.delete(key);
      table.set(key, kept);
      return kept.value;
    }
    const slots = tableOf(this.slots, db);
    let slot = slots.get(key);
    if (!slot) {
      slot = {};
      slots.set(key, slot);
    }
    const running = slot.running;
    // nothing running: this caller's computation, unless one is about to start at a mark read after this caller's
    if (!running) return slot.queued ?? this.start(db, key, slot, mark, compute);
    if (covers(running.mark, mark)) return running.promise;
    if (!slot.queued) {
      const queuedSlot = slot;
      const queued = running.promise
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => this.readMark(db, at.scope))
        .then((next) => {
          const started = this.start(db, key, queuedSlot, next.value, compute);
          if (queuedSlot.queued === queued) queuedSlot.queued = undefined;
          return started;
        });
      slot.queued = queued;
    }
    return slot.queued;
  }

  /** Starts the computation of key at mark; its answer is kept when it succeeds. */
  private start(db: Executor, key: string, slot: Slot<T>, mark: string, compute: () => Promise<T>): Promise<T> {
    const at = Date.now();
    this.computations++;
    const promise = compute().then((value) => {
      const table = tableOf(this.kept, db);
      table.delete(key);
      table.set(key, { mark, at, value });
      while (table.size > this.options.maxEntries) table.delete(table.keys().next().value as string);
      return value;
    });
    slot.running = { mark, promise };
    const done = () => {
      if (slot.running?.promise === promise) slot.running = undefined;
      if (!slot.running && !slot.queued) this.slots.get(db)?.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  /** How many answers are kept on db (for tests). */
  size(db: object): number {
    return this.kept.get(db)?.size ?? 0;
  }
}

interface Slot<T> {
  /** The computation under way and the mark it started from. */
  running?: { mark: string; promise: Promise<T> };
  /** The next computation, waiting for the running one to end. */
  queued?: Promise<T>;
}

/** True when an answer computed at mark `have` holds every write a caller that read `want` must see. */
function covers(have: string, want: string): boolean {
  return have === want || BigInt(have) > BigInt(want);
}

function tableOf<V>(map: WeakMap<object, Map<string, V>>, db: object): Map<string, V> {
  let table = map.get(db);
  if (!table) {
    table = new Map();
    map.set(db, table);
  }
  return table;
}

/**
 * What a question depends on: marks by name (org and network ids, 'all') and the marks of the members of some
 * networks (an org's mark moves with the meetings hosted under it). '*' is always added.
 */
export interface MarkScope {
  marks: readonly string[];
  membersOf?: readonly string[];
}

/** A mark read for a scope: the sum of its counters (a decimal string; '0' before any counted write). */
export interface Mark {
  value: string;
  scope: MarkScope;
}

/** The marks a question about the whole country reads. */
export const WHOLE: MarkScope = { marks: ['all'] };
/** The marks a question that reads no meeting reads: '*' alone. */
export const UNSCOPED: MarkScope = { marks: [] };

/** The current mark of a scope: the sum of the counters of '*' and of the scope's marks. */
export async function readDataMark(db: Executor, scope: MarkScope = UNSCOPED): Promise<Mark> {
  const names = ['*', ...scope.marks];
  const members = scope.membersOf?.length
    ? sql` or scope in (select nm.org_id::text from network_members nm where nm.network_id in (${sql.join(
        scope.membersOf.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`
    : sql``;
  const [row] = await queryRows<{ mark: string }>(
    db,
    sql`select coalesce(sum(n), 0)::text as mark from data_marks where scope in (${sql.join(
      names.map((s) => sql`${s}`),
      sql`, `,
    )})${members}`,
  );
  return { value: row?.mark ?? '0', scope };
}
