import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Executor } from '../db/client';
import { type Mark, MarkedCache, UNSCOPED } from './markedCache';

/** A mark of value n. */
const m = (value: string): Mark => ({ value, scope: UNSCOPED });

/** A computation that counts its calls and answers `value`. */
function counted<T>(value: T) {
  const fn = vi.fn(async () => value);
  return fn;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MarkedCache', () => {
  it('answers again at the same mark, and computes afresh when the mark has moved', async () => {
    const cache = new MarkedCache<{ n: number }>({ maxEntries: 10, maxAgeMs: 60_000 });
    const db = {} as Executor;
    const first = counted({ n: 1 });
    expect(await cache.get(db, 'k', m('5'), first)).toEqual({ n: 1 });
    expect(await cache.get(db, 'k', m('5'), counted({ n: 2 }))).toEqual({ n: 1 });
    expect(first).toHaveBeenCalledTimes(1);
    const moved = counted({ n: 3 });
    expect(await cache.get(db, 'k', m('6'), moved)).toEqual({ n: 3 });
    expect(moved).toHaveBeenCalledTimes(1);
    // the answer of mark 6 replaced the one of mark 5, and covers a caller that read the older mark
    expect(await cache.get(db, 'k', m('6'), counted({ n: 4 }))).toEqual({ n: 3 });
    expect(await cache.get(db, 'k', m('5'), counted({ n: 5 }))).toEqual({ n: 3 });
    expect(cache.size(db)).toBe(1);
  });

  it('keeps each key, and each database handle, apart', async () => {
    const cache = new MarkedCache<string>({ maxEntries: 10, maxAgeMs: 60_000 });
    const a = {} as Executor;
    const b = {} as Executor;
    await cache.get(a, 'x', m('1'), counted('a-x'));
    await cache.get(a, 'y', m('1'), counted('a-y'));
    await cache.get(b, 'x', m('1'), counted('b-x'));
    expect(await cache.get(a, 'x', m('1'), counted('?'))).toBe('a-x');
    expect(await cache.get(a, 'y', m('1'), counted('?'))).toBe('a-y');
    expect(await cache.get(b, 'x', m('1'), counted('?'))).toBe('b-x');
  });

  it('computes again once an answer is older than maxAgeMs, even at the same mark', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
    const cache = new MarkedCache<number>({ maxEntries: 10, maxAgeMs: 60_000 });
    const db = {} as Executor;
    await cache.get(db, 'k', m('1'), counted(1));
    vi.setSystemTime(new Date('2026-12-01T08:00:59Z'));
    expect(await cache.get(db, 'k', m('1'), counted(2))).toBe(1);
    vi.setSystemTime(new Date('2026-12-01T08:01:01Z'));
    expect(await cache.get(db, 'k', m('1'), counted(3))).toBe(3);
  });

  it('drops the least recently used answer beyond maxEntries', async () => {
    const cache = new MarkedCache<string>({ maxEntries: 2, maxAgeMs: 60_000 });
    const db = {} as Executor;
    await cache.get(db, 'a', m('1'), counted('a'));
    await cache.get(db, 'b', m('1'), counted('b'));
    await cache.get(db, 'a', m('1'), counted('?')); // a is now the most recently used
    await cache.get(db, 'c', m('1'), counted('c'));
    expect(cache.size(db)).toBe(2);
    expect(await cache.get(db, 'a', m('1'), counted('a2'))).toBe('a');
    expect(await cache.get(db, 'b', m('1'), counted('b2'))).toBe('b2');
  });

  it('shares one computation between callers at the same mark, and keeps no failure', async () => {
    const cache = new MarkedCache<number>({ maxEntries: 10, maxAgeMs: 60_000 });
    const db = {} as Executor;
    let release!: (n: number) => void;
    const slow = vi.fn(() => new Promise<number>((resolve) => (release = resolve)));
    const both = Promise.all([cache.get(db, 'k', m('1'), slow), cache.get(db, 'k', m('1'), slow)]);
    release(7);
    expect(await both).toEqual([7, 7]);
    expect(slow).toHaveBeenCalledTimes(1);
    const failing = vi.fn(async () => {
      throw new Error('hỏng');
    });
    await expect(cache.get(db, 'z', m('1'), failing)).rejects.toThrow('hỏng');
    expect(await cache.get(db, 'z', m('1'), counted(9))).toBe(9);
  });

  it('runs one computation at a time: newer marks wait and share the next one, started at the mark read then', async () => {
    let markNow = '2';
    const readMark = vi.fn(async () => m(markNow));
    const cache = new MarkedCache<string>({ maxEntries: 10, maxAgeMs: 60_000, readMark });
    const db = {} as Executor;
    let release!: (v: string) => void;
    const first = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const a = cache.get(db, 'k', m('1'), first);
    const older = cache.get(
      db,
      'k',
      m('1'),
      vi.fn(async () => 'never'),
    );
    const second = vi.fn(async () => 'second');
    const b = cache.get(db, 'k', m('2'), second);
    const c = cache.get(
      db,
      'k',
      m('3'),
      vi.fn(async () => 'never'),
    );
    markNow = '3';
    release('first');
    expect(await Promise.all([a, older, b, c])).toEqual(['first', 'first', 'second', 'second']);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    // the shared computation started at mark 3: it is kept for callers at 3
    expect(readMark).toHaveBeenCalledTimes(1);
    expect(await cache.get(db, 'k', m('3'), counted('again'))).toBe('second');
  });
});
