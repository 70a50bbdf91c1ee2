import { describe, expect, it } from 'vitest';
import { SingleFlight } from './singleFlight';

/** A promise and its resolve/reject, to hold a computation open while other callers arrive. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('runs one computation for callers that arrive while it runs, and a new one after it settles', async () => {
    const flight = new SingleFlight<number>();
    const db = {};
    const gate = deferred<number>();
    let calls = 0;
    const compute = () => {
      calls++;
      return gate.promise;
    };
    const a = flight.run(db, 'k', compute);
    const b = flight.run(db, 'k', compute);
    expect(flight.running(db)).toBe(1);
    gate.resolve(42);
    expect(await Promise.all([a, b])).toEqual([42, 42]);
    expect(calls).toBe(1);
    expect(flight.running(db)).toBe(0);
    expect(await flight.run(db, 'k', async () => ++calls)).toBe(2);
  });

  it('keeps different keys and different database handles apart', async () => {
    const flight = new SingleFlight<string>();
    const db1 = {};
    const db2 = {};
    const results = await Promise.all([
      flight.run(db1, 'a', async () => 'db1 a'),
      flight.run(db1, 'b', async () => 'db1 b'),
      flight.run(db2, 'a', async () => 'db2 a'),
    ]);
    expect(results).toEqual(['db1 a', 'db1 b', 'db2 a']);
  });

  it('gives a failure to every caller that shared it and does not remember it', async () => {
    const flight = new SingleFlight<number>();
    const db = {};
    const gate = deferred<number>();
    const a = flight.run(db, 'k', () => gate.promise);
    const b = flight.run(db, 'k', () => Promise.resolve(0));
    gate.reject(new Error('mất kết nối'));
    await expect(a).rejects.toThrow('mất kết nối');
    await expect(b).rejects.toThrow('mất kết nối');
    expect(await flight.run(db, 'k', async () => 7)).toBe(7);
  });
});
