/**
 * Requests that ask the same costly question at the same moment share one answer: the first caller's computation
 * runs, the callers that arrive while it is running wait for the same promise, and nothing is kept once it settles
 * (the next caller computes afresh, so no answer is older than the request that received it by more than one
 * computation). A failure reaches every caller that shared it and is not remembered either.
 *
 * One table per kind of question and per database handle (a test's transaction never shares with the app's pool).
 */
export class SingleFlight<T> {
  private readonly byDb = new WeakMap<object, Map<string, Promise<T>>>();

  /** The running computation for `key` on `db`, or a new one started with `compute`. */
  run(db: object, key: string, compute: () => Promise<T>): Promise<T> {
    let table = this.byDb.get(db);
    if (!table) {
      table = new Map();
      this.byDb.set(db, table);
    }
    const running = table.get(key);
    if (running) return running;
    const started = compute().finally(() => {
      table.delete(key);
    });
    table.set(key, started);
    return started;
  }

  /** How many computations are running on `db` (for tests). */
  running(db: object): number {
    return this.byDb.get(db)?.size ?? 0;
  }
}
