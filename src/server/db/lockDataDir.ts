import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file that marks an embedded (PGlite) data folder as open by a process; it holds that process's id. */
export const LOCK_FILE = 'lientruong.pid';

/** The id of the live process holding the data folder, or undefined when it is free (no file, or a dead holder). */
export function dataDirHolder(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user, so it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** How many open handles of this process hold each lock file (a process may open its folder more than once). */
const holds = new Map<string, number>();

/**
 * Marks the data folder as used by this process. PGlite is a single-process database: a second process opening the
 * same folder (a second `npm start`, or a restore while the app runs) would corrupt it, so that is refused with a
 * Vietnamese message. A lock left by a killed process is taken over. Returns the function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder !== undefined && holder !== process.pid) {
    throw new Error(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng (ứng dụng Liên Trường đang chạy?). ` +
        'Hãy dừng ứng dụng trước rồi thử lại.',
    );
  }
  const file = path.join(dataDir, LOCK_FILE);
  writeFileSync(file, String(process.pid));
  holds.set(file, (holds.get(file) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holds.get(file) ?? 1) - 1;
    holds.set(file, left);
    if (left === 0 && dataDirHolder(dataDir) === process.pid) rmSync(file, { force: true });
  };
}
