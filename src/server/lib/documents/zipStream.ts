import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A zip archive written straight into a writable, one entry after another, with real back-pressure: nothing is
 * written while the output has not drained, and a streamed entry's source is read only as fast as its deflate stream
 * (on libuv's thread pool) and the output take it. No ZIP64: an offset or a size past 4 GiB is refused, not corrupted.
 */

/** The output went away (client disconnected, file closed): the writer stops. */
export class OutputClosedError extends Error {
  constructor() {
    super('output closed before the archive was written');
  }
}

/** Writable or readable side that may need to drain: Node's streams. */
interface Drainable {
  destroyed: boolean;
  once(event: 'drain' | 'close' | 'error', f: () => void): unknown;
  off(event: 'drain' | 'close' | 'error', f: () => void): unknown;
}

/** Resolves on `drain`, `close` or `error`, whichever comes first. */
function drainOf(s: Drainable): Promise<void> {
  if (s.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      s.off('drain', done);
      s.off('close', done);
      s.off('error', done);
      resolve();
    };
    s.once('drain', done);
    s.once('close', done);
    s.once('error', done);
  });
}

const MAX32 = 0xffffffff;
/** General purpose flags: bit 3 (sizes in a data descriptor after the data), bit 11 (UTF-8 names). */
const FLAG_UTF8 = 0x0800;
const FLAG_DESCRIPTOR = 0x0008;

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function check32(n: number, what: string): number {
  if (n > MAX32) throw new Error(`zip: ${what} past 4 GiB (no ZIP64)`);
  return n;
}

/** Writes entries in order, then `finish()` writes the central directory and ends the output. */
export class ZipStream {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(
    private readonly out: Writable,
    private readonly level = 6,
  ) {}

  /** Writes bytes to the output, waiting for it to drain when it asks to; throws once the output has closed. */
  private async put(buf: Buffer): Promise<void> {
    if (this.out.destroyed || this.out.writableEnded) throw new OutputClosedError();
    this.offset += buf.length;
    if (!this.out.write(buf)) await drainOf(this.out);
    if (this.out.destroyed) throw new OutputClosedError();
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.compressed, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, e.name]);
  }

  /** A small entry given whole: compressed at once, sizes in the local header. */
  async add(name: string, data: string | Buffer): Promise<void> {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const packed = deflateRawSync(raw, { level: this.level });
    const e: Entry = {
      name: Buffer.from(name, 'utf8'),
      flags: FLAG_UTF8,
      crc: crc32(raw),
      compressed: packed.length,
      size: raw.length,
      offset: check32(this.offset, 'offset'),
    };
    this.entries.push(e);
    await this.put(this.localHeader(e));
    await this.put(packed);
  }

  /**
   * An entry streamed from `source` (strings are UTF-8): the source is pulled only while deflate's input has room,
   * deflate's output is read only while the archive's output has room. Sizes and CRC follow in a data descriptor.
   */
  async addStream(name: string, source: AsyncIterable<string | Buffer>): Promise<void> {
    const e: Entry = {
      name: Buffer.from(name, 'utf8'),
      flags: FLAG_UTF8 | FLAG_DESCRIPTOR,
      crc: 0,
      compressed: 0,
      size: 0,
      offset: check32(this.offset, 'offset'),
    };
    this.entries.push(e);
    await this.put(this.localHeader(e));
    const deflate = createDeflateRaw({ level: this.level });
    // Reader: deflate's output into the archive; while it waits for the output, deflate's buffers fill and its
    // write() returns false, which stops the source below.
    const reading = (async () => {
      try {
        for await (const chunk of deflate as AsyncIterable<Buffer>) {
          e.compressed += chunk.length;
          await this.put(chunk);
        }
      } catch (err) {
        deflate.destroy();
        throw err;
      }
    })();
    reading.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
    let stopped = false;
    try {
      for await (const piece of source) {
        const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        e.crc = crc32(buf, e.crc);
        e.size += buf.length;
        if (!deflate.write(buf)) await drainOf(deflate);
        // Destroyed only by the reader, when the output has gone: leaving the loop returns the source.
        stopped = deflate.destroyed;
        if (stopped) break;
      }
    } catch (err) {
      deflate.destroy();
      await reading.catch(() => {});
      throw err;
    }
    if (stopped) {
      await reading;
      throw new OutputClosedError();
    }
    deflate.end();
    await reading;
    check32(e.size, `size of ${name}`);
    check32(e.compressed, `compressed size of ${name}`);
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    d.writeUInt32LE(e.compressed, 8);
    d.writeUInt32LE(e.size, 12);
    await this.put(d);
  }

  /** Writes the central directory and ends the output. */
  async finish(): Promise<void> {
    const start = check32(this.offset, 'central directory');
    const parts: Buffer[] = [];
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal attributes: 0
      h.writeUInt32LE(0, 38);
      h.writeUInt32LE(e.offset, 42);
      parts.push(h, e.name);
    }
    const dir = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(check32(dir.length, 'central directory'), 12);
    end.writeUInt32LE(start, 16);
    await this.put(dir);
    await this.put(end);
    this.out.end();
    await finished(this.out, { readable: false });
  }
}
