import type { Tx } from '../db/client';
import type { AppContext } from './context';

/** Runs a service call in one transaction: all of its writes land, or none. */
export function inTransaction<T>(ctx: AppContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.database.db.transaction((tx) => fn(tx as Tx));
}
