import { Unzip, UnzipInflate } from 'fflate';
import { type ImportLimits, LimitReached } from './limits';

/** Input is fed to the inflater in slices this small, so one slice of a zip bomb inflates to at most ~16 MB. */
const SLICE = 16 * 1024;

/**
 * Decompresses every entry of a zip (an XLSX) without keeping the output, counting the bytes actually produced (not
 * the sizes the headers declare, which can lie), and throws LimitReached as soon as the total or the shared-strings
 * part goes over its limit: a zip bomb is stopped after inflating only as much as the limit. Throws a plain Error
 * for a zip it cannot read.
 */
export function checkZipSizes(buffer: Uint8Array, limits: ImportLimits): { unzippedBytes: number } {
  let total = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    let own = 0;
    const shared = /^xl\/sharedStrings\.xml$/i.test(file.name);
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = err;
        return;
      }
      total += chunk.length;
      own += chunk.length;
      if (total > limits.unzippedBytes) failure = new LimitReached('unzippedBytes');
      else if (shared && own > limits.sharedStringsBytes) failure = new LimitReached('sharedStringsBytes');
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < buffer.length && !failure; at += SLICE) {
    const end = Math.min(buffer.length, at + SLICE);
    unzip.push(buffer.subarray(at, end), end === buffer.length);
  }
  if (failure) throw failure;
  return { unzippedBytes: total };
}
